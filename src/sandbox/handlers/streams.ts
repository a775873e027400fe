import { fail } from "../http/errors";
import { objectBody, type Handler, type HandlerContext } from "../http/context";
import { DAY, formatEasternShort } from "../util/time";
import type { MessageStream } from "../world/types";
import { dateRange } from "./filters";
import { isEmail } from "../send/addresses";
import { suppress, unsuppress } from "../world/recorders";

const TYPES = ["Transactional", "Broadcasts", "Inbound"] as const;
const UNSUB = ["None", "Postmark", "Custom"] as const;

export function streamById(ctx: HandlerContext): MessageStream {
  const wanted = (ctx.params.streamId ?? "").toLowerCase();
  const s = [...ctx.server.streams.values()].find((x) => x.ID.toLowerCase() === wanted);
  if (!s) fail(1226, `The message stream '${ctx.params.streamId ?? ""}' was not found.`);
  return s;
}

function checkDescription(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const d = String(v);
  if (d.length > 1000) fail(1231, "The Description may not be longer than 1000 characters.");
  if (/<[a-z!/][^>]*>/i.test(d)) fail(1234, "The Description may not contain HTML.");
  return d;
}

function checkName(v: unknown): string {
  if (typeof v !== "string" || !v.trim()) fail(1223, "The 'Name' field is required.");
  if (v.length > 100) fail(1224, "The 'Name' may not be longer than 100 characters.");
  return v.trim();
}

function checkUnsubscribe(
  v: unknown,
  type: MessageStream["MessageStreamType"],
): MessageStream["SubscriptionManagementConfiguration"]["UnsubscribeHandlingType"] | undefined {
  const handling = (v as { UnsubscribeHandlingType?: unknown } | undefined)?.UnsubscribeHandlingType;
  if (handling === undefined || handling === null) return undefined;
  if (!UNSUB.includes(handling as (typeof UNSUB)[number]))
    fail(1240, `UnsubscribeHandlingType '${String(handling)}' is not valid.`);
  if (type !== "Broadcasts" && handling !== "None")
    fail(1239, `UnsubscribeHandlingType '${String(handling)}' is not valid for ${type} streams.`);
  return handling as (typeof UNSUB)[number];
}

const create: Handler<"streams.create"> = (ctx) => {
  const body = objectBody(ctx, 1222, "The 'ID' field is required.");
  const id = typeof body.ID === "string" ? body.ID : "";
  if (!id) fail(1222, "The 'ID' field is required.");
  if (!/^[a-z][a-z0-9_-]{0,29}$/.test(id))
    fail(
      1227,
      "The ID must start with a letter and contain only lowercase letters, digits, '-' and '_' (30 characters at most).",
    );
  if (id.startsWith("pm-")) fail(1233, "Stream IDs starting with 'pm-' are reserved.");
  if (ctx.server.streams.has(id)) fail(1230, `A message stream with the ID '${id}' already exists.`);
  const name = checkName(body.Name);
  const type = body.MessageStreamType as MessageStream["MessageStreamType"];
  if (!TYPES.includes(type)) fail(1221, "MessageStreamType must be Transactional, Broadcasts or Inbound.");
  if (type === "Inbound" && [...ctx.server.streams.values()].some((s) => s.MessageStreamType === "Inbound"))
    fail(1228, "A server can only have one inbound stream.");
  if (ctx.server.streams.size >= 10) fail(1225, "You have reached the maximum of 10 message streams for this server.");
  const stream: MessageStream = {
    ID: id,
    ServerID: ctx.server.id,
    Name: name,
    Description: checkDescription(body.Description),
    MessageStreamType: type,
    CreatedAt: formatEasternShort(ctx.world.now()),
    UpdatedAt: null,
    ArchivedAt: null,
    ExpectedPurgeDate: null,
    SubscriptionManagementConfiguration: {
      UnsubscribeHandlingType:
        checkUnsubscribe(body.SubscriptionManagementConfiguration, type) ??
        (type === "Broadcasts" ? "Postmark" : "None"),
    },
  };
  ctx.server.streams.set(id, stream);
  return stream;
};

const update: Handler<"streams.update"> = (ctx) => {
  const s = streamById(ctx);
  const body = objectBody(ctx, 1223, "No fields were supplied.");
  if (body.Name !== undefined) s.Name = checkName(body.Name);
  if (body.Description !== undefined) s.Description = checkDescription(body.Description);
  const unsub = checkUnsubscribe(body.SubscriptionManagementConfiguration, s.MessageStreamType);
  if (unsub) s.SubscriptionManagementConfiguration = { UnsubscribeHandlingType: unsub };
  s.UpdatedAt = formatEasternShort(ctx.world.now());
  return s;
};

const reasons = ["HardBounce", "SpamComplaint", "ManualSuppression"];
const origins = ["Recipient", "Customer", "Admin"];

function suppressionItems(ctx: HandlerContext): string[] {
  const body = objectBody(ctx, 1409, "A request body with 'Suppressions' is required.");
  const items = body.Suppressions;
  if (!Array.isArray(items)) fail(1409, "A request body with 'Suppressions' is required.");
  if (items.length > 50) fail(1410, "You may not change more than 50 suppressions per request.");
  return items.map((i) => {
    const email = (i as { EmailAddress?: unknown } | null)?.EmailAddress;
    if (typeof email !== "string" || !email) fail(1411, "Each suppression needs an 'EmailAddress'.");
    return email.trim();
  });
}

export const streamHandlers = {
  "streams.list": (ctx) => {
    const type = ctx.query.get("messagestreamtype") ?? "All";
    if (type !== "All" && !TYPES.includes(type as (typeof TYPES)[number]))
      fail(1221, "MessageStreamType must be All, Transactional, Broadcasts or Inbound.");
    const archived = ctx.query.bool("includearchivedstreams") ?? false;
    const list = [...ctx.server.streams.values()].filter(
      (s) => (type === "All" || s.MessageStreamType === type) && (archived || !s.ArchivedAt),
    );
    return { MessageStreams: list, TotalCount: list.length };
  },
  "streams.get": (ctx) => streamById(ctx),
  "streams.create": create,
  "streams.update": update,
  "streams.archive": (ctx) => {
    const s = streamById(ctx);
    if (s.ID === "outbound" || s.ID === "inbound")
      fail(1229, "The default transactional and inbound streams cannot be archived.");
    const now = ctx.world.now();
    s.ArchivedAt = formatEasternShort(now);
    s.ExpectedPurgeDate = formatEasternShort(now + 45 * DAY);
    return { ID: s.ID, ServerID: s.ServerID, ExpectedPurgeDate: s.ExpectedPurgeDate };
  },
  "streams.unarchive": (ctx) => {
    const s = streamById(ctx);
    s.ArchivedAt = null;
    s.ExpectedPurgeDate = null;
    s.UpdatedAt = formatEasternShort(ctx.world.now());
    return s;
  },
  "suppressions.dump": (ctx) => {
    const s = streamById(ctx);
    const q = ctx.query;
    const reason = q.get("suppressionreason");
    if (reason !== undefined && !reasons.includes(reason)) fail(1404, `'${reason}' is not a valid SuppressionReason.`);
    const origin = q.get("origin");
    if (origin !== undefined && !origins.includes(origin)) fail(1405, `'${origin}' is not a valid Origin.`);
    const range = dateRange(q, 1401);
    const email = q.get("emailaddress")?.toLowerCase();
    const rows = [...(ctx.server.suppressions.get(s.ID)?.values() ?? [])]
      .filter(
        (r) =>
          (reason === undefined || r.reason === reason) &&
          (origin === undefined || r.origin === origin) &&
          (email === undefined || r.email.toLowerCase() === email) &&
          (range.from === undefined || r.createdAt >= range.from) &&
          (range.to === undefined || r.createdAt <= range.to),
      )
      .sort((a, b) => b.createdAt - a.createdAt);
    return {
      Suppressions: rows.map((r) => ({
        EmailAddress: r.email,
        SuppressionReason: r.reason,
        Origin: r.origin,
        CreatedAt: formatEasternShort(r.createdAt),
      })),
    };
  },
  "suppressions.create": (ctx) => {
    const s = streamById(ctx);
    const now = ctx.world.now();
    return {
      Suppressions: suppressionItems(ctx).map((email) => {
        if (!isEmail(email))
          return { EmailAddress: email, Status: "Failed", Message: "An invalid email address was provided." };
        suppress(ctx.world, ctx.server, s.ID, email, "ManualSuppression", "Customer", now);
        return { EmailAddress: email, Status: "Suppressed", Message: null };
      }),
    };
  },
  "suppressions.delete": (ctx) => {
    const s = streamById(ctx);
    const now = ctx.world.now();
    return {
      Suppressions: suppressionItems(ctx).map((email) => {
        if (!isEmail(email))
          return { EmailAddress: email, Status: "Failed", Message: "An invalid email address was provided." };
        const row = ctx.server.suppressions.get(s.ID)?.get(email.toLowerCase());
        if (row?.reason === "SpamComplaint")
          return {
            EmailAddress: email,
            Status: "Failed",
            Message: "You do not have the required authority to change this suppression.",
          };
        if (row) {
          unsuppress(ctx.world, ctx.server, s.ID, email, "Customer", now);
          // Lifting a hard-bounce suppression reactivates the address's bounces too.
          for (const b of ctx.server.bounces)
            if (b.inactive && b.stream === s.ID && b.email.toLowerCase() === email.toLowerCase() && b.canActivate)
              b.inactive = false;
        }
        return { EmailAddress: email, Status: "Deleted", Message: null };
      }),
    };
  },
} satisfies {
  [
    K in
      | "streams.list"
      | "streams.get"
      | "streams.create"
      | "streams.update"
      | "streams.archive"
      | "streams.unarchive"
      | "suppressions.dump"
      | "suppressions.create"
      | "suppressions.delete"
  ]: Handler<K>;
};
