import type { JobItem, JobKind, JobStatus, JobSummary, ItemStatus } from "../../contract/api/jobs";
import type { JobItemRow, JobRow } from "./jobs-repo";

const json = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

export function presentJob(r: JobRow): JobSummary {
  const result = json(r.result);
  const params = json(r.params) ?? {};
  // Long address lists stay on the server; the page shows the items instead.
  if (Array.isArray(params.addresses)) params.addresses = `${params.addresses.length} addresses`;
  return {
    id: r.id,
    kind: r.kind as JobKind,
    title: r.title,
    serverId: r.server_id,
    status: r.status as JobStatus,
    total: r.total,
    processed: r.processed,
    succeeded: r.succeeded,
    failed: r.failed,
    skipped: r.skipped,
    result,
    error: r.error,
    createdBy: r.created_by_name,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    updatedAt: r.updated_at,
    cancelRequestedBy: r.cancel_requested_by,
    params,
    download: r.kind === "export" && r.status === "succeeded" && result?.file ? `/api/jobs/${r.id}/download` : null,
  };
}

export const presentItem = (r: JobItemRow): JobItem => ({
  seq: r.seq,
  key: r.item_key,
  status: r.status as ItemStatus,
  verdict: r.verdict,
  detail: json(r.detail),
  updatedAt: r.updated_at,
});
