import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { EventsResponse, FeedEvent } from "@/contract/api/events";
import { apiRequest } from "@/web/lib/api-client";
import { filterParams, type FeedFilters } from "./feed-search";

export const PAGE_SIZE = 100;

/** One keyset page: `before` reads older, `after` reads newer (never an offset). */
export function fetchEvents(
  filters: FeedFilters,
  page: { before?: number; after?: number; limit?: number },
  signal?: AbortSignal,
): Promise<EventsResponse> {
  const p = filterParams(filters);
  if (page.before !== undefined) p.set("before", String(page.before));
  if (page.after !== undefined) p.set("after", String(page.after));
  p.set("limit", String(page.limit ?? PAGE_SIZE));
  return apiRequest<EventsResponse>(`/api/events?${p.toString()}`, { signal });
}

/** Stored history, newest first; the next page continues before the oldest one shown. */
export function feedHistoryQuery(filters: FeedFilters) {
  return infiniteQueryOptions({
    queryKey: ["events", "list", filters],
    queryFn: ({ pageParam, signal }) => fetchEvents(filters, { before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // Live events arrive through the stream; refetching every loaded page would be wasted work.
    staleTime: Infinity,
    gcTime: 60_000,
    meta: { silent: true },
  });
}

export function feedEventQuery(id: number) {
  return queryOptions({
    queryKey: ["events", "detail", id],
    queryFn: ({ signal }) => apiRequest<FeedEvent>(`/api/events/${id}`, { signal }),
    staleTime: Infinity,
    meta: { silent: true },
  });
}
