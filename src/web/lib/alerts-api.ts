import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type {
  AlertCheckResponse,
  AlertItem,
  AlertRule,
  AlertRulesResponse,
  AlertsResponse,
  AlertStatus,
  HealthVerdictsResponse,
  OverviewResponse,
  OverviewServersResponse,
  TagsResponse,
  ThresholdsResponse,
} from "@/contract/api/alerts";
import type { AlertRuleInput, AlertRuleKind } from "@/contract/health/alert-rules";
import type { HealthThresholds } from "@/contract/health/verdicts";
import { apiRequest } from "./api-client";

// Queries for the overview, the alerts page, the feed's alert entries and the stats verdicts.

const serverPart = (serverId: number | null) => (serverId === null ? "" : `server=${serverId}`);

export const alertsKey = ["alerts"] as const;
export const overviewKey = ["overview"] as const;

export function overviewQuery(serverId: number | null) {
  return queryOptions({
    queryKey: [...overviewKey, "main", serverId],
    queryFn: ({ signal }) => apiRequest<OverviewResponse>(`/api/overview?${serverPart(serverId)}`, { signal }),
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
}

export function healthQuery(serverId: number | null, days: number) {
  return queryOptions({
    queryKey: [...overviewKey, "health", serverId, days],
    queryFn: ({ signal }) =>
      apiRequest<HealthVerdictsResponse>(
        `/api/overview/health?${new URLSearchParams({ days: String(days), ...(serverId === null ? {} : { server: String(serverId) }) }).toString()}`,
        { signal },
      ),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

export const overviewServersQuery = queryOptions({
  queryKey: [...overviewKey, "servers"],
  queryFn: ({ signal }) => apiRequest<OverviewServersResponse>("/api/overview/servers", { signal }),
  staleTime: 60_000,
  meta: { silent: true },
});

export function tagsQuery(serverId: number | null, days = 45) {
  return queryOptions({
    queryKey: [...overviewKey, "tags", serverId, days],
    queryFn: ({ signal }) =>
      apiRequest<TagsResponse>(
        `/api/overview/tags?${new URLSearchParams({ days: String(days), ...(serverId === null ? {} : { server: String(serverId) }) }).toString()}`,
        { signal },
      ),
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
}

export interface AlertFilters {
  status?: AlertStatus;
  kind?: AlertRuleKind;
  rule?: number;
  server?: number;
}

export function alertsListQuery(f: AlertFilters, limit = 50) {
  return queryOptions({
    queryKey: [...alertsKey, "list", f, limit],
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ limit: String(limit) });
      for (const [k, v] of Object.entries(f)) if (v !== undefined) p.set(k, String(v));
      return apiRequest<AlertsResponse>(`/api/alerts?${p.toString()}`, { signal });
    },
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
}

/** One alert by id: for a link to an alert that is not among those listed. */
export function alertQuery(id: number) {
  return queryOptions({
    queryKey: [...alertsKey, "one", id],
    queryFn: ({ signal }) => apiRequest<AlertItem>(`/api/alerts/${id}`, { signal }),
    staleTime: 10_000,
    meta: { silent: true },
  });
}

export const alertRulesQuery = queryOptions({
  queryKey: [...alertsKey, "rules"],
  queryFn: ({ signal }) => apiRequest<AlertRulesResponse>("/api/alerts/rules", { signal }),
  staleTime: 30_000,
});

export const thresholdsQuery = queryOptions({
  queryKey: [...alertsKey, "thresholds"],
  queryFn: ({ signal }) => apiRequest<ThresholdsResponse>("/api/alerts/thresholds", { signal }),
  staleTime: 5 * 60_000,
});

export const saveThresholds = (t: HealthThresholds) =>
  apiRequest<ThresholdsResponse>("/api/alerts/thresholds", { method: "PUT", body: t });
export const createRule = (r: AlertRuleInput) =>
  apiRequest<AlertRule>("/api/alerts/rules", { method: "POST", body: r });
export const updateRule = (id: number, r: AlertRuleInput) =>
  apiRequest<AlertRule>(`/api/alerts/rules/${id}`, { method: "PUT", body: r });
export const deleteRule = (id: number) => apiRequest<{ ok: true }>(`/api/alerts/rules/${id}`, { method: "DELETE" });
export const checkNow = () => apiRequest<AlertCheckResponse>("/api/alerts/check", { method: "POST" });

/** After a check or a rule or threshold change: alerts, the overview and verdicts change. */
export function afterAlertsChange(qc: QueryClient) {
  return Promise.all([qc.invalidateQueries({ queryKey: alertsKey }), qc.invalidateQueries({ queryKey: overviewKey })]);
}
