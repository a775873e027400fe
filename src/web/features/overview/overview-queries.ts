import { queryOptions } from "@tanstack/react-query";
import type { EventsResponse } from "@/contract/api/events";
import { apiRequest } from "@/web/lib/api-client";
import { latestEventsUrl } from "./overview-shape";

export const latestKey = ["overview", "latest-events"] as const;

/** The server's last few events, for the "Latest events" tile. */
export function latestEventsQuery(serverId: number | null) {
  return queryOptions({
    queryKey: [...latestKey, serverId],
    queryFn: ({ signal }) => apiRequest<EventsResponse>(latestEventsUrl(serverId), { signal }),
    staleTime: 5_000,
  });
}
