import { queryOptions } from "@tanstack/react-query";
import type { HealthResponse, ServersResponse } from "@/contract/api/settings";
import { apiRequest } from "./api-client";

export const healthQuery = queryOptions({
  queryKey: ["health"],
  queryFn: () => apiRequest<HealthResponse>("/api/health"),
  staleTime: 60_000,
  meta: { silent: true },
});

export const serversQuery = queryOptions({
  queryKey: ["servers"],
  queryFn: () => apiRequest<ServersResponse>("/api/servers"),
  staleTime: 5 * 60_000,
});
