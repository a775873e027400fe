import type { z } from "zod";
import { streamsList } from "@/contract/postmark/streams";
import { webhooksCreate, webhooksDelete, webhooksList, webhooksUpdate } from "@/contract/postmark/webhooks";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";

export type WebhooksList = z.infer<typeof webhooksList.response>;
export type StreamsList = z.infer<typeof streamsList.response>;
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
