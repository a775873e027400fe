import type { QueryClient } from "@tanstack/react-query";
import { selectedServer } from "@/web/lib/server-selection";
import { clicksQuery, inboundQuery, opensQuery, outboundQuery } from "./activity-api";
import type { ActivitySearch } from "./activity-search";

/** What the page asks for first (the open tab's list), started when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: ActivitySearch): void {
  const serverId = selectedServer.get();
  const tab = search.tab ?? "outbound";
  if (tab === "outbound") void qc.prefetchQuery(outboundQuery(search, serverId));
  else if (tab === "inbound") void qc.prefetchQuery(inboundQuery(search, serverId));
  else if (tab === "opens") void qc.prefetchQuery(opensQuery(search, serverId));
  else void qc.prefetchQuery(clicksQuery(search, serverId));
}
