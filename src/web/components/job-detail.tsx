import { useQuery } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useState } from "react";
import { reactivationVerdicts, type JobSummary } from "@/contract/api/jobs";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { JobCard } from "@/web/components/job-card";
import { JobItemsTable } from "@/web/components/job-items-table";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { jobQuery, useStartJob } from "@/web/lib/jobs-api";
import { permission } from "@/web/lib/permissions";
import { useSessionUser } from "@/web/lib/session";
import { cn } from "@/web/lib/utils";

function PlanSummary({
  job,
  verdicts,
  filter,
  onFilter,
  onRun,
}: {
  job: JobSummary;
  verdicts: Record<string, number>;
  filter: string | undefined;
  onFilter: (v: string | undefined) => void;
  onRun: (id: number) => void;
}) {
  const user = useSessionUser();
  const may = permission(user?.role, "write");
  const start = useStartJob();
  const [confirming, setConfirming] = useState(false);
  const n = verdicts.reactivatable ?? 0;
  return (
    <section className="flex flex-col gap-3" aria-label="Dry run result">
      <div className="flex flex-wrap gap-2">
        {Object.entries(reactivationVerdicts).map(([v, label]) => (
          <button
            key={v}
            type="button"
            aria-pressed={filter === v}
            onClick={() => onFilter(filter === v ? undefined : v)}
            className={cn(
              "flex min-w-0 flex-col rounded-lg border bg-card px-3 py-2 text-left hover:bg-accent",
              filter === v && "ring-2 ring-primary/40",
            )}
            data-testid={`verdict-${v}`}
            data-count={verdicts[v] ?? 0}
          >
            <span className="text-xs text-muted-foreground">{label}</span>
            <span className="text-lg font-semibold tabular-nums">{(verdicts[v] ?? 0).toLocaleString()}</span>
          </button>
        ))}
      </div>
      {job.status === "succeeded" && (
        <div className="flex flex-col gap-1">
          <div>
            <Button
              onClick={() => setConfirming(true)}
              disabled={n === 0 || !may.allowed || start.isPending}
              title={may.reason}
            >
              <RotateCcw aria-hidden /> Reactivate {n.toLocaleString()} address{n === 1 ? "" : "es"}
            </Button>
          </div>
          {!may.allowed && <p className="text-xs text-muted-foreground">{may.reason}</p>}
          {n === 0 && <p className="text-xs text-muted-foreground">No address in this selection can be reactivated.</p>}
        </div>
      )}
      {start.isError && <ErrorState title="Could not start the reactivation" error={start.error} />}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Reactivate ${n.toLocaleString()} address${n === 1 ? "" : "es"}?`}
        description={
          <p>
            Postmark will send to these addresses again. The server works through them at a gentle pace; you can close
            this page, follow progress later and cancel.
          </p>
        }
        confirmLabel="Reactivate"
        onConfirm={() =>
          start.mutate({ kind: "reactivation", params: { planJobId: job.id } }, { onSuccess: (r) => onRun(r.job.id) })
        }
      />
    </section>
  );
}

/** A job with its per-item results; a dry run offers the run of its reactivatable addresses. */
export function JobDetail({ id, onRun }: { id: number; onRun: (id: number) => void }) {
  const [filter, setFilter] = useState<string | undefined>(undefined);
  const head = useQuery(jobQuery(id, { limit: 1 }));
  const plan = head.data?.job.kind === "reactivation-plan";
  const list = useQuery({
    ...jobQuery(id, plan ? { verdict: filter } : { status: filter }),
    enabled: head.data !== undefined,
  });
  if (head.isError)
    return <ErrorState title="Could not load this job" error={head.error} onRetry={() => void head.refetch()} />;
  if (!head.data) return <Skeleton className="h-32 w-full" aria-label="Loading the job" />;
  const job = list.data?.job ?? head.data.job;
  const verdicts = list.data?.verdicts ?? head.data.verdicts;
  const items = list.data?.items ?? [];
  return (
    <div className="flex flex-col gap-4" data-testid="job-detail">
      <JobCard job={job} link={false} />
      {plan ? (
        <PlanSummary job={job} verdicts={verdicts} filter={filter} onFilter={setFilter} onRun={onRun} />
      ) : job.kind !== "export" ? (
        <div className="flex flex-wrap gap-2 text-sm" aria-label="Filter results">
          {(["pending", "succeeded", "failed"] as const).map((s) => (
            <Button
              key={s}
              size="sm"
              variant={filter === s ? "default" : "outline"}
              onClick={() => setFilter(filter === s ? undefined : s)}
            >
              {s === "pending" ? "Waiting" : s === "succeeded" ? "Done" : "Failed"} (
              {(verdicts[s] ?? 0).toLocaleString()})
            </Button>
          ))}
        </div>
      ) : null}
      {job.kind !== "export" &&
        (list.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : items.length ? (
          <JobItemsTable items={items} plan={plan} />
        ) : (
          <p className="text-sm text-muted-foreground">
            {job.status === "queued" || job.status === "running" ? "Results appear here as the job goes." : "No items."}
          </p>
        ))}
      {list.data?.nextAfter !== null && list.data?.nextAfter !== undefined && (
        <p className="text-xs text-muted-foreground">The first 500 are shown; filter by result to see others.</p>
      )}
    </div>
  );
}
