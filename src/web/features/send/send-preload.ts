import type { QueryClient } from "@tanstack/react-query";
import { streamsList } from "@/contract/postmark/streams";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient): void {
  // Every form but the templated one starts with the stream picker (send-stream-select).
  void qc.prefetchQuery(postmarkQueryOptions(streamsList, { query: {} }, selectedServer.get()));
}
