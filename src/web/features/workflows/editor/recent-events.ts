import type { EventsResponse } from "@/contract/api/events";
import type { TriggerId } from "@/contract/postmark/triggers";
import { apiRequest } from "@/web/lib/api-client";

const DAY_MS = 86_400_000;
/** One page is enough to say "how many"; beyond it the editor says "at least". */
export const RECENT_LIMIT = 500;

/** How many of the newest events arrived within the last day (`atLeast` when the page was full of them). */
export function countLastDay(
  events: readonly { receivedAt: string }[],
  now: number,
  limit = RECENT_LIMIT,
): { count: number; atLeast: boolean } {
  const since = now - DAY_MS;
  const count = events.filter((e) => Date.parse(e.receivedAt) >= since).length;
  return { count, atLeast: count >= limit };
}

export function recentEventsQuery(trigger: TriggerId) {
  return {
    queryKey: ["workflows", "recent-events", trigger],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiRequest<EventsResponse>(`/api/events?types=${trigger}&limit=${RECENT_LIMIT}`, { signal }),
    staleTime: 60_000,
    meta: { silent: true },
  };
}
