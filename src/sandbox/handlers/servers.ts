import { fail } from "../http/errors";
import { objectBody, paging, positiveInt, type Handler, type HandlerContext } from "../http/context";
import type { ServerStore } from "../world/server-store";
import type { ServerConfig } from "../world/types";

const COLORS = ["purple", "blue", "turquoise", "turqoise", "green", "red", "yellow", "grey", "orange"];
const EDITABLE = [
  "Name",
  "Color",
  "SmtpApiActivated",
  "RawEmailEnabled",
  "InboundHookUrl",
  "BounceHookUrl",
  "OpenHookUrl",
  "DeliveryHookUrl",
  "ClickHookUrl",
  "PostFirstOpenOnly",
  "InboundDomain",
  "InboundSpamThreshold",
  "TrackOpens",
  "TrackLinks",
  "IncludeBounceContentInHook",
  "EnableSmtpApiErrorHooks",
] as const;
const BOOLEANS = new Set([
  "SmtpApiActivated",
  "RawEmailEnabled",
  "PostFirstOpenOnly",
  "TrackOpens",
  "IncludeBounceContentInHook",
  "EnableSmtpApiErrorHooks",
]);
const HOOKS = new Set(["InboundHookUrl", "BounceHookUrl", "OpenHookUrl", "DeliveryHookUrl", "ClickHookUrl"]);

function validUrl(v: string): boolean {
  if (v === "") return true;
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Validates editable server fields and returns them normalised; unknown fields are ignored like Postmark does. */
function serverFields(ctx: HandlerContext, body: Record<string, unknown>, self?: ServerStore): Partial<ServerConfig> {
  const out: Record<string, unknown> = {};
  for (const key of EDITABLE) {
    if (!(key in body) || body[key] === null || body[key] === undefined) continue;
    const v = body[key];
    if (key === "Name") {
      if (typeof v !== "string" || !v.trim()) fail(608, "The 'Name' field is required and must be a string.");
      const clash = [...ctx.world.servers.values()].some(
        (s) => s !== self && s.config.Name.toLowerCase() === v.trim().toLowerCase(),
      );
      if (clash) fail(603, "This server name already exists.");
      out.Name = v.trim();
    } else if (key === "Color") {
      if (typeof v !== "string" || !COLORS.includes(v.toLowerCase()))
        fail(
          607,
          `Invalid color '${String(v)}'. Supported colors: ${COLORS.filter((c) => c !== "turqoise").join(", ")}.`,
        );
      out.Color = v.toLowerCase() === "turqoise" ? "turquoise" : v.toLowerCase();
    } else if (key === "InboundSpamThreshold") {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 30 || n % 5 !== 0)
        fail(611, "InboundSpamThreshold must be one of 0, 5, 10, 15, 20, 25 or 30.");
      out[key] = n;
    } else if (key === "TrackLinks") {
      if (!["None", "HtmlAndText", "HtmlOnly", "TextOnly"].includes(String(v)))
        fail(612, `Invalid TrackLinks value '${String(v)}'.`);
      out[key] = v;
    } else if (HOOKS.has(key)) {
      if (typeof v !== "string" || !validUrl(v)) fail(606, `The ${key} is not a valid URL.`);
      out[key] = v;
    } else if (BOOLEANS.has(key)) {
      out[key] = v === true || v === "true";
    } else out[key] = v;
  }
  return out as Partial<ServerConfig>;
}

function serverById(ctx: HandlerContext): ServerStore {
  const id = positiveInt(ctx.params.serverid);
  const s = id === null ? undefined : ctx.world.servers.get(id);
  if (!s) fail(601, "The server was not found.", 404);
  return s;
}

function update(ctx: HandlerContext, store: ServerStore) {
  const body = objectBody(ctx, 609, "No data was supplied to update the server.");
  Object.assign(store.config, serverFields(ctx, body, store));
  return store.config;
}

export const serverHandlers = {
  "servers.list": (ctx) => {
    const { count, offset } = paging(ctx.query, 600);
    const name = ctx.query.get("name")?.toLowerCase();
    const all = [...ctx.world.servers.values()]
      .map((s) => s.config)
      .filter((c) => name === undefined || c.Name.toLowerCase().includes(name));
    return { TotalCount: all.length, Servers: all.slice(offset, offset + count) };
  },
  "servers.get": (ctx) => serverById(ctx).config,
  "servers.create": (ctx) => {
    const body = objectBody(ctx, 608, "The 'Name' field is required.");
    if (typeof body.Name !== "string" || !body.Name.trim()) fail(608, "The 'Name' field is required.");
    if (body.DeliveryType !== undefined && !["Live", "Sandbox"].includes(String(body.DeliveryType)))
      fail(613, "DeliveryType must be Live or Sandbox.");
    const fields = serverFields(ctx, body);
    const store = ctx.world.createServer({
      ...fields,
      Name: fields.Name!,
      DeliveryType: body.DeliveryType === "Sandbox" ? "Sandbox" : "Live",
    });
    return store.config;
  },
  "servers.update": (ctx) => update(ctx, serverById(ctx)),
  "servers.delete": (ctx) => {
    const s = serverById(ctx);
    ctx.world.deleteServer(s.id);
    return { ErrorCode: 0, Message: `Server ${s.config.Name} ${s.id} removed.` };
  },
  "server.get": (ctx) => ctx.server.config,
  "server.update": (ctx) => update(ctx, ctx.server),
} satisfies {
  [
    K in
      | "servers.list"
      | "servers.get"
      | "servers.create"
      | "servers.update"
      | "servers.delete"
      | "server.get"
      | "server.update"
  ]: Handler<K>;
};
