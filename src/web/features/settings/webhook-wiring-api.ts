import { queryOptions } from "@tanstack/react-query";
import type {
  WebhookRefusalsResponse,
  WiringApplyResponse,
  WiringPlanResponse,
  WiringRequest,
  WiringResponse,
} from "@/contract/api/events";
import { apiRequest } from "@/web/lib/api-client";

/** `server` null: the default server, as the API takes it. */
export function wiringQuery(server: number | null) {
  return queryOptions({
    queryKey: ["wiring", "check", server],
    queryFn: ({ signal }) =>
      apiRequest<WiringResponse>(`/api/wiring${server === null ? "" : `?server=${server}`}`, { signal }),
    meta: { silent: true },
  });
}

export const refusalsQuery = queryOptions({
  queryKey: ["wiring", "refusals"],
  queryFn: ({ signal }) => apiRequest<WebhookRefusalsResponse>("/api/wiring/refusals", { signal }),
  meta: { silent: true },
});

export function wiringRequestFor(server: number | null): WiringRequest {
  return server === null ? {} : { servers: [server] };
}

export const planWiring = (body: WiringRequest) =>
  apiRequest<WiringPlanResponse>("/api/wiring/plan", { method: "POST", body });
export const applyWiring = (body: WiringRequest) =>
  apiRequest<WiringApplyResponse>("/api/wiring/apply", { method: "POST", body });
