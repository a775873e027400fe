import type { QueryClient } from "@tanstack/react-query";
import { feedHistoryQuery } from "./feed-api";
import { filtersOf, type FeedSearch } from "./feed-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: FeedSearch): void {
  void qc.prefetchInfiniteQuery(feedHistoryQuery(filtersOf(search)));
}
