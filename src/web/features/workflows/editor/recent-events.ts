import type { AlertsResponse } from "@/contract/api/alerts";
import type { EventsResponse } from "@/contract/api/events";
import type { WorkflowTriggerId } from "@/contract/workflows/trigger-ids";
import { apiRequest } from "@/web/lib/api-client";

const DAY_MS = 86_400_000;
/** One page is enough to say "how many"; beyond it the editor says "at least". */
export const RECENT_LIMIT = 500;
/** The alerts list pages at 200. */
export const RECENT_ALERTS_LIMIT = 200;

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

/** The newest arrivals of a trigger: stored webhook events, or for `alert` the alerts opened (newest first). */
export function recentEventsQuery(trigger: WorkflowTriggerId) {
  return {
    queryKey: ["workflows", "recent-events", trigger],
    queryFn: async ({
      signal,
    }: {
      signal: AbortSignal;
    }): Promise<{ arrivals: { receivedAt: string }[]; limit: number }> => {
      if (trigger === "alert") {
        const res = await apiRequest<AlertsResponse>(`/api/alerts?limit=${RECENT_ALERTS_LIMIT}`, { signal });
        return { arrivals: res.alerts.map((a) => ({ receivedAt: a.startedAt })), limit: RECENT_ALERTS_LIMIT };
      }
      const res = await apiRequest<EventsResponse>(`/api/events?types=${trigger}&limit=${RECENT_LIMIT}`, { signal });
      return { arrivals: res.events, limit: RECENT_LIMIT };
    },
    staleTime: 60_000,
    meta: { silent: true },
  };
}
