import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateJobRequest, JobDetailResponse, JobKind, JobsResponse, JobSummary } from "@/contract/api/jobs";
import { apiRequest } from "./api-client";

/** A job the server is still working on (or about to). */
export const jobActive = (j: Pick<JobSummary, "status"> | undefined) =>
  j !== undefined && (j.status === "queued" || j.status === "running" || j.status === "cancelling");

// While a job runs its page polls each second: progress is on the server, not in this tab.
const POLL_MS = 1000;

export const jobsListQuery = (f: { kind?: JobKind; serverId?: number | null; limit?: number } = {}) => {
  const qs = new URLSearchParams();
  if (f.kind) qs.set("kind", f.kind);
  if (f.serverId) qs.set("serverId", String(f.serverId));
  if (f.limit) qs.set("limit", String(f.limit));
  return queryOptions({
    queryKey: ["jobs", "list", f.kind ?? null, f.serverId ?? null, f.limit ?? null],
    queryFn: () => apiRequest<JobsResponse>(`/api/jobs?${qs}`),
    refetchInterval: (q) => (q.state.data?.jobs.some(jobActive) ? POLL_MS : 15_000),
    meta: { silent: true },
  });
};

export const jobQuery = (id: number, f: { status?: string; verdict?: string; limit?: number } = {}) => {
  const qs = new URLSearchParams();
  if (f.status) qs.set("status", f.status);
  if (f.verdict) qs.set("verdict", f.verdict);
  qs.set("limit", String(f.limit ?? 500));
  return queryOptions({
    queryKey: ["jobs", id, f.status ?? null, f.verdict ?? null, f.limit ?? null],
    queryFn: () => apiRequest<JobDetailResponse>(`/api/jobs/${id}?${qs}`),
    refetchInterval: (q) => (jobActive(q.state.data?.job) ? POLL_MS : false),
    meta: { silent: true },
  });
};

export function useStartJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: CreateJobRequest) => apiRequest<{ job: JobSummary }>("/api/jobs", { method: "POST", body: req }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["jobs"] }),
    meta: { silent: true },
  });
}

export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<{ job: JobSummary }>(`/api/jobs/${id}/cancel`, { method: "POST" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["jobs"] }),
  });
}
