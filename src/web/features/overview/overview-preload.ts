import type { QueryClient } from "@tanstack/react-query";
import { healthQuery, overviewQuery, overviewServersQuery } from "@/web/lib/alerts-api";
import { selectedServer } from "@/web/lib/server-selection";
import { latestEventsQuery } from "./overview-queries";
import { periodDays, type OverviewSearch } from "./overview-search";

/**
 * What the page asks for first, started together when a link is hovered (intent preload) or followed
 * (issue 17). The latest events need the server: the selected one at once, the default one once the
 * overview names it.
 */
export function preload(qc: QueryClient, search: OverviewSearch): void {
  const serverId = selectedServer.get();
  void qc.prefetchQuery(healthQuery(serverId, periodDays[search.period]));
  void qc.prefetchQuery(overviewServersQuery);
  const overview = qc.fetchQuery(overviewQuery(serverId)).catch(() => undefined);
  const eventsServer = serverId !== null ? Promise.resolve(serverId) : overview.then((o) => o?.serverId ?? null);
  void eventsServer.then((id) => qc.prefetchQuery(latestEventsQuery(id)));
}
