import { queryOptions } from "@tanstack/react-query";
import type { HealthResponse, ServersResponse } from "@/contract/api/settings";
import { apiRequest } from "./api-client";

export const healthQuery = queryOptions({
  queryKey: ["health"],
  queryFn: () => apiRequest<HealthResponse>("/api/health"),
  staleTime: 60_000,
  meta: { silent: true },
});

// Tabs of this browser hear of server changes at once (servers-sync); a tab in another browser or
// on another device reads the list again when it comes back into focus (at most twice a minute).
export const serversQuery = queryOptions({
  queryKey: ["servers"],
  queryFn: () => apiRequest<ServersResponse>("/api/servers"),
  staleTime: 30_000,
  refetchOnWindowFocus: true,
});
