import type { TriggerId } from "../../contract/postmark/index";
import type { NewEventRow } from "./events-repo";
import { summarise } from "./summary";

/**
 * The stored row of a webhook event, whoever received it (the intake, or a live-mode test event):
 * the summary columns come from the payload, the rest from the caller.
 */
export function eventRow(e: {
  trigger: TriggerId | null;
  payload: unknown;
  raw: string;
  serverId: number | null;
  receivedAt: string;
  dedupeKey: string;
  test: boolean;
  problem: string | null;
}): NewEventRow {
  const summary = summarise(e.trigger, e.payload);
  return {
    trigger: e.trigger,
    server_id: e.serverId,
    message_stream: summary.messageStream,
    recipient: summary.recipient,
    sender: summary.sender,
    tag: summary.tag,
    message_id: summary.messageId,
    subject: summary.subject,
    detail: summary.detail,
    received_at: e.receivedAt,
    dedupe_key: e.dedupeKey,
    payload: e.raw,
    payload_size: Buffer.byteLength(e.raw),
    unrecognised: e.trigger ? 0 : 1,
    test: e.test ? 1 : 0,
    problem: e.problem,
  };
}
