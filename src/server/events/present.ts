import type { FeedEvent } from "../../contract/api/events";
import { triggerIds, type TriggerId } from "../../contract/postmark/triggers";
import type { EventRow, NewEventRow } from "./events-repo";

/** Lists and the live stream leave out payloads above this size; the detail route has them. */
export const LIST_PAYLOAD_LIMIT = 256 * 1024;

/** A stored trigger column as a trigger id (null for unrecognised events). */
export const asTrigger = (t: string | null): TriggerId | null =>
  t !== null && (triggerIds as readonly string[]).includes(t) ? (t as TriggerId) : null;

/** A stored row as the API shows it; `full` keeps even a large payload. */
export function presentRow(
  row: EventRow | (NewEventRow & { id: number }),
  opts: { full?: boolean; payload?: unknown } = {},
): FeedEvent {
  const omit = !opts.full && row.payload_size > LIST_PAYLOAD_LIMIT;
  let payload: unknown = null;
  if (!omit) {
    if (opts.payload !== undefined) payload = opts.payload;
    else {
      try {
        payload = JSON.parse(row.payload);
      } catch {
        payload = null;
      }
    }
  }
  return {
    id: row.id,
    trigger: asTrigger(row.trigger),
    serverId: row.server_id,
    receivedAt: row.received_at,
    summary: {
      recipient: row.recipient,
      sender: row.sender,
      subject: row.subject,
      detail: row.detail,
      tag: row.tag,
      messageId: row.message_id,
      messageStream: row.message_stream,
    },
    payload,
    flags: { unrecognised: row.unrecognised === 1, test: row.test === 1, problem: row.problem, payloadOmitted: omit },
  };
}
