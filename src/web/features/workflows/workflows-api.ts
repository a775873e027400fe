import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { AlertsResponse } from "@/contract/api/alerts";
import type { EventsResponse } from "@/contract/api/events";
import type {
  RunDetail,
  RunsResponse,
  TestWorkflowRequest,
  TestWorkflowResponse,
  WorkflowDetail,
  WorkflowsResponse,
} from "@/contract/api/workflows";
import { alertEvent, type WorkflowDocumentInput, type WorkflowTriggerId } from "@/contract/workflows";
import { apiRequest, rawRequest } from "@/web/lib/api-client";
import { toApiError } from "@/web/lib/api-error";

export const workflowsKey = ["workflows"] as const;
export const runsKey = ["runs"] as const;

export const workflowsQuery = queryOptions({
  queryKey: workflowsKey,
  queryFn: () => apiRequest<WorkflowsResponse>("/api/workflows"),
  meta: { silent: true },
});

export const workflowQuery = (id: number) =>
  queryOptions({
    queryKey: [...workflowsKey, id],
    queryFn: () => apiRequest<WorkflowDetail>(`/api/workflows/${id}`),
    meta: { silent: true },
  });

export interface RunsFilter {
  workflow?: number;
  status?: string;
  before?: number;
}

export const runsQuery = (filter: RunsFilter) =>
  queryOptions({
    queryKey: [...runsKey, "list", filter],
    queryFn: () => {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== "") qs.set(k, String(v));
      return apiRequest<RunsResponse>(`/api/runs${qs.size ? `?${qs}` : ""}`);
    },
    meta: { silent: true },
  });

export const runQuery = (id: number) =>
  queryOptions({
    queryKey: [...runsKey, id],
    queryFn: () => apiRequest<RunDetail>(`/api/runs/${id}`),
    meta: { silent: true },
  });

/** Something that happened and can be replayed in a test: a stored event (by id) or an alert (by its payload). */
export interface StoredSample {
  key: string;
  /** Set for stored webhook events: the test runs on the stored row itself. */
  eventId: number | null;
  payload: Record<string, unknown>;
  detail: string;
  at: string;
}

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Recent stored events of a trigger (or recent alerts) for "replay this event"; an absent API means none. */
export const storedEventsQuery = (trigger: WorkflowTriggerId) =>
  queryOptions({
    queryKey: ["events", "replay", trigger],
    queryFn: async (): Promise<StoredSample[]> => {
      if (trigger === "alert") {
        const res = await apiRequest<AlertsResponse>("/api/alerts?limit=20");
        return res.alerts.map((a) => ({
          key: `alert-${a.id}`,
          eventId: null,
          payload: alertEvent(a),
          detail: `alert #${a.id} · ${a.ruleName}`,
          at: a.startedAt,
        }));
      }
      const res = await rawRequest<EventsResponse>(`/api/events?types=${trigger}&limit=20`);
      if (res.status === 404) return [];
      if (!res.ok) throw toApiError(res.status, res.body);
      return res.body.events.map((e) => ({
        key: String(e.id),
        eventId: e.id,
        payload: asObject(e.payload),
        detail: `#${e.id} · ${e.summary.recipient ?? e.summary.detail ?? ""}`,
        at: e.receivedAt,
      }));
    },
    meta: { silent: true },
  });

export const createWorkflow = (doc: WorkflowDocumentInput) =>
  apiRequest<WorkflowDetail>("/api/workflows", { method: "POST", body: doc });
export const saveWorkflow = (id: number, doc: WorkflowDocumentInput) =>
  apiRequest<WorkflowDetail>(`/api/workflows/${id}`, { method: "PUT", body: doc });
export const setWorkflowEnabled = (id: number, enabled: boolean) =>
  apiRequest<WorkflowDetail>(`/api/workflows/${id}/${enabled ? "enable" : "disable"}`, { method: "POST" });
export const duplicateWorkflow = (id: number) =>
  apiRequest<WorkflowDetail>(`/api/workflows/${id}/duplicate`, { method: "POST" });
export const deleteWorkflow = (id: number) => apiRequest<{ ok: true }>(`/api/workflows/${id}`, { method: "DELETE" });
export const testWorkflow = (id: number, body: TestWorkflowRequest) =>
  apiRequest<TestWorkflowResponse>(`/api/workflows/${id}/test`, { method: "POST", body });
export const rerunRun = (id: number) => apiRequest<RunDetail>(`/api/runs/${id}/rerun`, { method: "POST" });

/** After a workflow changes: the list, that workflow, and the runs that show its name. */
export async function invalidateWorkflows(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workflowsKey }),
    queryClient.invalidateQueries({ queryKey: runsKey }),
  ]);
}
