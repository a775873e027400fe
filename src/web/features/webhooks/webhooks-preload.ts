import type { QueryClient } from "@tanstack/react-query";
import { selectedServer } from "@/web/lib/server-selection";
import { webhookStreamsQuery, webhooksQuery } from "./webhooks-api";
import type { WebhooksSearch } from "./webhooks-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: WebhooksSearch): void {
  const serverId = selectedServer.get();
  void qc.prefetchQuery(webhooksQuery(serverId, search.stream));
  void qc.prefetchQuery(webhookStreamsQuery(serverId));
}
