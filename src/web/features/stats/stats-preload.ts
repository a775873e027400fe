import type { QueryClient } from "@tanstack/react-query";
import { tagsQuery, thresholdsQuery } from "@/web/lib/alerts-api";
import { selectedServer } from "@/web/lib/server-selection";
import { chartOps, chartQuery, outboundStreamsQuery, overviewQuery } from "./stats-queries";
import type { StatsSearch } from "./stats-search";
import { isoDay, previousRange, resolveRange } from "./stats-shaping";

/**
 * Every query of the page, started together when a link is hovered (intent preload) or followed
 * (issue 17): the overview, the previous period's, each chart's and the filters', rather than the
 * charts only once their lazily loaded code has arrived.
 */
export function preload(qc: QueryClient, search: StatsSearch): void {
  const serverId = selectedServer.get();
  const range = resolveRange(search, isoDay(new Date()));
  const filter = { stream: search.stream, tag: search.tag };
  void qc.prefetchQuery(overviewQuery(range, filter, serverId));
  void qc.prefetchQuery(overviewQuery(previousRange(range), filter, serverId));
  for (const op of chartOps) void qc.prefetchQuery(chartQuery(op, range, filter, serverId));
  void qc.prefetchQuery(outboundStreamsQuery(serverId));
  void qc.prefetchQuery(tagsQuery(serverId));
  void qc.prefetchQuery(thresholdsQuery);
  // The charts (and Recharts) load lazily: fetch their code alongside their data, not after the page renders.
  void import("./components/stats-charts");
}
