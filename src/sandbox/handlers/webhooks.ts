import { fail } from "../http/errors";
import { objectBody, positiveInt, type Handler, type HandlerContext } from "../http/context";
import { webhookTriggerAllowed, webhookTriggerSwitches } from "../../contract/postmark/triggers";
import type { WebhookConfig } from "../world/types";

function webhookById(ctx: HandlerContext): WebhookConfig {
  const id = positiveInt(ctx.params.webhookid);
  const w = id === null ? undefined : ctx.server.webhooks.get(id);
  if (!w) fail(1352, "The webhook was not found.");
  return w;
}

function checkUrl(v: unknown): string {
  if (typeof v !== "string" || !v) fail(1354, "The 'Url' field is required.");
  try {
    const u = new URL(v);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
  } catch {
    fail(1354, `'${v}' is not a valid URL.`);
  }
  return v;
}

function applyAuth(w: WebhookConfig, body: Record<string, unknown>): void {
  if (body.HttpAuth !== undefined) {
    const a = body.HttpAuth as { Username?: unknown; Password?: unknown } | null;
    if (a && (a.Username || a.Password))
      w.HttpAuth = { Username: String(a.Username ?? ""), Password: String(a.Password ?? "") };
    else delete w.HttpAuth;
  }
  if (body.HttpHeaders !== undefined) {
    const list = Array.isArray(body.HttpHeaders) ? (body.HttpHeaders as { Name?: unknown; Value?: unknown }[]) : [];
    if (list.some((h) => typeof h?.Name !== "string" || !h.Name)) fail(1358, "Every HttpHeaders entry needs a 'Name'.");
    w.HttpHeaders = list.map((h) => ({ Name: String(h.Name), Value: String(h.Value ?? "") }));
  }
}

function isTriggerName(w: WebhookConfig, name: string): name is keyof WebhookConfig["Triggers"] {
  return Object.hasOwn(w.Triggers, name);
}

/** A partial Triggers object changes only the triggers it names. */
function applyTriggers(w: WebhookConfig, triggers: unknown): void {
  if (!triggers || typeof triggers !== "object") return;
  for (const [name, value] of Object.entries(triggers as Record<string, unknown>)) {
    const current: Record<string, boolean> | undefined = isTriggerName(w, name) ? w.Triggers[name] : undefined;
    if (!current) fail(1361, `'${name}' is not a known trigger.`);
    if (!value || typeof value !== "object") continue;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k in current) current[k] = v === true;
  }
}

const create: Handler<"webhooks.create"> = (ctx) => {
  const body = objectBody(ctx, 1355, "The request body is empty.");
  if (body.ID !== undefined) fail(1356, "The 'ID' must not be given when creating a webhook.");
  const url = checkUrl(body.Url);
  const streamId = typeof body.MessageStream === "string" && body.MessageStream ? body.MessageStream : "outbound";
  const stream = ctx.server.streams.get(streamId);
  if (!stream) fail(1226, `The message stream '${streamId}' was not found.`);
  if (stream.ArchivedAt) fail(1350, "Webhooks cannot be added to an archived stream.");
  if (stream.MessageStreamType === "Inbound")
    fail(1351, "Inbound streams use the server's InboundHookUrl, not webhooks.");
  if ([...ctx.server.webhooks.values()].filter((w) => w.MessageStream === streamId).length >= 10)
    fail(1359, "You have reached the maximum number of webhooks for this stream.");
  const w: WebhookConfig = {
    ID: ctx.world.nextId("webhook"),
    Url: url,
    MessageStream: streamId,
    Triggers: {
      Open: { Enabled: false, PostFirstOpenOnly: false },
      Click: { Enabled: false },
      Delivery: { Enabled: false },
      Bounce: { Enabled: false, IncludeContent: false },
      SpamComplaint: { Enabled: false, IncludeContent: false },
      SubscriptionChange: { Enabled: false },
    },
  };
  applyAuth(w, body);
  applyTriggers(w, body.Triggers);
  checkTriggersForStream(w, stream.MessageStreamType);
  ctx.server.webhooks.set(w.ID, w);
  return w;
};

/** Postmark refuses bounce and spam-complaint hooks on broadcast streams (1353). */
function checkTriggersForStream(w: WebhookConfig, streamType: string): void {
  for (const name of webhookTriggerSwitches) {
    if (w.Triggers[name]?.Enabled && !webhookTriggerAllowed(streamType, name)) {
      fail(1353, `The '${name}' trigger is not supported on ${streamType} streams.`);
    }
  }
}

export const webhookHandlers = {
  "webhooks.list": (ctx) => {
    const stream = ctx.query.get("messagestream");
    if (stream !== undefined && !ctx.server.streams.has(stream))
      fail(1226, `The message stream '${stream}' was not found.`);
    return {
      Webhooks: [...ctx.server.webhooks.values()].filter((w) => stream === undefined || w.MessageStream === stream),
    };
  },
  "webhooks.get": (ctx) => webhookById(ctx),
  "webhooks.create": create,
  "webhooks.update": (ctx) => {
    const w = webhookById(ctx);
    const body = objectBody(ctx, 1355, "The request body is empty.");
    if (
      (body.ID !== undefined && Number(body.ID) !== w.ID) ||
      (body.MessageStream !== undefined && body.MessageStream !== w.MessageStream)
    )
      fail(1357, "The ID and MessageStream of a webhook cannot be changed.");
    // Apply to a copy so a refused change leaves the webhook as it was.
    const next: WebhookConfig = structuredClone(w);
    if (body.Url !== undefined) next.Url = checkUrl(body.Url);
    applyAuth(next, body);
    applyTriggers(next, body.Triggers);
    checkTriggersForStream(next, ctx.server.streams.get(w.MessageStream)?.MessageStreamType ?? "Transactional");
    Object.assign(w, next);
    return w;
  },
  "webhooks.delete": (ctx) => {
    const w = webhookById(ctx);
    ctx.server.webhooks.delete(w.ID);
    return { ErrorCode: 0, Message: `Webhook ${w.ID} removed.` };
  },
} satisfies {
  [K in "webhooks.list" | "webhooks.get" | "webhooks.create" | "webhooks.update" | "webhooks.delete"]: Handler<K>;
};
