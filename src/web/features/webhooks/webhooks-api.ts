import { streamsList } from "@/contract/postmark/streams";
import { webhooksCreate, webhooksDelete, webhooksList, webhooksUpdate } from "@/contract/postmark/webhooks";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";

export type WebhooksList = AnswerOf<typeof webhooksList>;
export type StreamsList = AnswerOf<typeof streamsList>;
export { webhooksCreate, webhooksDelete, webhooksUpdate };

export function webhooksQuery(serverId: number | null, stream: string | undefined) {
  return {
    ...postmarkQueryOptions(webhooksList, { query: stream ? { MessageStream: stream } : {} }, serverId),
    meta: { silent: true },
  };
}

/** The server's live streams, for the stream picker (the streams page owns their editing). */
export function webhookStreamsQuery(serverId: number | null) {
  return {
    ...postmarkQueryOptions(streamsList, { query: { MessageStreamType: "All" } }, serverId),
    meta: { silent: true },
  };
}
