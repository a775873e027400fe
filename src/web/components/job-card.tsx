import { Link } from "@tanstack/react-router";
import { Download, Square } from "lucide-react";
import type { JobStatus, JobSummary } from "@/contract/api/jobs";
import { ErrorState } from "@/web/components/error-state";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { formatDateTime } from "@/web/lib/format";
import { jobActive, useCancelJob } from "@/web/lib/jobs-api";
import { useSessionUser } from "@/web/lib/session";

const statusLook: Record<
  JobStatus,
  { label: string; variant: "default" | "secondary" | "outline" | "destructive" | "success" | "warning" }
> = {
  queued: { label: "Queued", variant: "secondary" },
  running: { label: "Running", variant: "default" },
  cancelling: { label: "Cancelling", variant: "warning" },
  cancelled: { label: "Cancelled", variant: "outline" },
  succeeded: { label: "Finished", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const s = statusLook[status];
  return (
    <Badge variant={s.variant} data-testid="job-status" data-status={status}>
      {s.label}
    </Badge>
  );
}

/** Progress as a bar when the total is known, else a count. */
export function JobProgress({ job }: { job: JobSummary }) {
  const noun = job.kind === "export" ? "rows" : job.kind === "reactivation-plan" ? "bounces read" : "items";
  const pct = job.total ? Math.min(100, Math.round((job.processed / job.total) * 100)) : null;
  return (
    <div className="flex flex-col gap-1">
      {pct !== null && (
        <div
          className="h-2 w-full overflow-hidden rounded-full bg-muted"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={job.total ?? undefined}
          aria-valuenow={job.processed}
          aria-label="Progress"
        >
          <div className="h-full bg-primary transition-[width]" style={{ width: `${pct}%` }} />
        </div>
      )}
      <p
        className="text-xs text-muted-foreground tabular-nums"
        data-testid="job-progress"
        data-processed={job.processed}
        data-total={job.total ?? ""}
      >
        {job.total !== null
          ? `${job.processed.toLocaleString()} of ${job.total.toLocaleString()} ${noun}`
          : `${job.processed.toLocaleString()} ${noun}`}
        {job.kind !== "export" &&
          job.kind !== "reactivation-plan" &&
          ` · ${job.succeeded.toLocaleString()} succeeded · ${job.failed.toLocaleString()} failed`}
      </p>
    </div>
  );
}

/** One job: what, who, status, progress, cancel, and its file when it wrote one. */
export function JobCard({ job, link = true }: { job: JobSummary; link?: boolean }) {
  const user = useSessionUser();
  const cancel = useCancelJob();
  const mayCancel = user && (user.username === job.createdBy || user.role === "operator" || user.role === "admin");
  const rows = typeof job.result?.rows === "number" ? job.result.rows : null;
  return (
    <div className="flex flex-col gap-2 rounded-lg border bg-card p-3" data-testid="job-card" data-job-id={job.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          {link ? (
            <Link
              to="/jobs/$jobId"
              params={{ jobId: String(job.id) }}
              className="font-medium break-words text-primary hover:underline"
            >
              {job.title}
            </Link>
          ) : (
            <p className="font-medium break-words">{job.title}</p>
          )}
          <p className="text-xs text-muted-foreground">
            Job {job.id} · started by {job.createdBy} · {formatDateTime(job.createdAt)}
            {job.finishedAt ? ` · ended ${formatDateTime(job.finishedAt)}` : ""}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <JobStatusBadge status={job.status} />
          {jobActive(job) && job.status !== "cancelling" && mayCancel && (
            <Button size="sm" variant="outline" onClick={() => cancel.mutate(job.id)} disabled={cancel.isPending}>
              <Square aria-hidden /> Cancel
            </Button>
          )}
        </div>
      </div>
      <JobProgress job={job} />
      {job.error && (
        <p className="text-sm text-destructive" role="alert">
          {job.error}
        </p>
      )}
      {job.download && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Button asChild size="sm">
            <a href={job.download} download data-testid="job-download">
              <Download aria-hidden /> Download CSV
            </a>
          </Button>
          <span data-testid="export-rows" data-rows={rows ?? ""}>
            {rows !== null ? `${rows.toLocaleString()} rows written` : ""}
            {typeof job.result?.windows === "number" && job.result.windows > 1
              ? ` in ${job.result.windows} date windows`
              : ""}
            {typeof job.result?.duplicates === "number" && job.result.duplicates > 0
              ? ` (${job.result.duplicates} duplicates at window edges dropped)`
              : ""}
          </span>
        </div>
      )}
      {cancel.isError && <ErrorState title="Could not cancel" error={cancel.error} />}
    </div>
  );
}
