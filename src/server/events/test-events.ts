import crypto from "node:crypto";
import { triggers, type TriggerId } from "../../contract/postmark/triggers";

/**
 * What the embedded sandbox offers for test events: emit one event of a trigger through its own
 * webhook machinery (the same fan-out, auth and retries as simulated traffic). False when the
 * server does not exist there.
 */
export interface SandboxEventHook {
  emitEvent(serverId: number, trigger: TriggerId, payload: Record<string, unknown>): boolean;
}

/** Where each trigger's time lives in its payload. */
const timeField: Partial<Record<TriggerId, string>> = {
  bounce: "BouncedAt",
  "smtp-api-error": "BouncedAt",
  "spam-complaint": "BouncedAt",
  click: "ReceivedAt",
  open: "ReceivedAt",
  delivery: "DeliveredAt",
  "subscription-change": "ChangedAt",
};

/** The trigger's example payload, made fresh: new message id, now, the given server. */
export function testPayload(trigger: TriggerId, serverId: number | null, now: number): Record<string, unknown> {
  const p: Record<string, unknown> = structuredClone(triggers[trigger].example);
  const at = new Date(now).toISOString();
  p.MessageID = crypto.randomUUID();
  if (typeof p.ID === "number") p.ID = Math.floor(now / 1000);
  const field = timeField[trigger];
  if (field) p[field] = at;
  else p.Date = new Date(now).toUTCString();
  if (serverId !== null && trigger !== "inbound") p.ServerID = serverId;
  if (typeof p.MessageStream !== "string") p.MessageStream = trigger === "inbound" ? "inbound" : "outbound";
  if (trigger === "inbound" && p.MessageStream !== "inbound") p.MessageStream = "inbound";
  return p;
}
