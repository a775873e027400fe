import { optionalText, searchSchema } from "@/web/lib/search-params";

/** Webhooks in the URL: the stream whose webhooks are listed (absent: every stream). */
export const webhooksSearch = searchSchema({
  stream: optionalText({ min: 1, max: 30, trim: true }),
});
export type WebhooksSearch = ReturnType<typeof webhooksSearch.parse>;
