import crypto from "node:crypto";
import type { TriggerId } from "../../contract/postmark/triggers";
import { eventTime } from "./summary";

const sha = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/**
 * The key a retry of the same delivery shares: Postmark's retry-stable trace id when present,
 * else the identifying fields (MessageID + RecordType + recipient + event time + bounce ID),
 * else (unknown shapes) the body itself.
 */
export function dedupeKey(
  traceId: string | null | undefined,
  trigger: TriggerId | null,
  body: unknown,
  rawBody: string,
): string {
  const trace = traceId?.trim();
  if (trace) return `trace:${trace.slice(0, 200)}`;
  if (trigger && body && typeof body === "object" && !Array.isArray(body)) {
    const p = body as Record<string, unknown>;
    const recipient = p.Recipient ?? p.Email ?? p.OriginalRecipient ?? p.To ?? "";
    const fields = [trigger, p.RecordType ?? "Inbound", p.MessageID ?? "", recipient, eventTime(p) ?? "", p.ID ?? ""];
    return `fields:${sha(JSON.stringify(fields))}`;
  }
  return `body:${sha(rawBody)}`;
}
