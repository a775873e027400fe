import crypto from "node:crypto";
import { triggers, type TriggerId } from "../../contract/postmark/triggers";

export const WEBHOOK_USER = "hook-user";
export const WEBHOOK_PASS = "hook-password-123";
export const webhookEnv = { WEBHOOK_USERNAME: WEBHOOK_USER, WEBHOOK_PASSWORD: WEBHOOK_PASS };

export const basicAuth = (user = WEBHOOK_USER, pass = WEBHOOK_PASS) =>
  `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

/** A trigger's example payload with a fresh MessageID (so it is a distinct event). */
export function examplePayload(trigger: TriggerId, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(triggers[trigger].example), MessageID: crypto.randomUUID(), ...extra };
}

/** Headers of a webhook POST the way Postmark sends it. */
export function webhookHeaders(opts: { trace?: string | null; auth?: string | null } = {}): Record<string, string> {
  const h: Record<string, string> = { "content-type": "application/json", "user-agent": "Postmark" };
  const auth = opts.auth === undefined ? basicAuth() : opts.auth;
  if (auth) h.authorization = auth;
  const trace = opts.trace === undefined ? crypto.randomUUID() : opts.trace;
  if (trace) h["x-pm-webhook-trace-id"] = trace;
  return h;
}
