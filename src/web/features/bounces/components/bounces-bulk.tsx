import { useQuery } from "@tanstack/react-query";
import { FlaskConical, X } from "lucide-react";
import { MAX_HAND_PICKED } from "@/contract/api/jobs";
import { ErrorState } from "@/web/components/error-state";
import { JobDetail } from "@/web/components/job-detail";
import { Button } from "@/web/components/ui/button";
import { jobActive, jobsListQuery, useStartJob } from "@/web/lib/jobs-api";
import { permission } from "@/web/lib/permissions";
import { useSessionUser } from "@/web/lib/session";

/**
 * Bulk reactivation: a dry run of the selected bounces or of the whole filter, then the run.
 * Both are server jobs, so the page can be closed and reopened (or opened by someone else).
 */
export function BouncesBulkBar({
  serverId,
  selected,
  matching,
  filter,
  onJob,
  onClear,
}: {
  serverId: number | null;
  selected: number[];
  matching: number | null;
  filter: Record<string, string>;
  onJob: (id: number) => void;
  onClear: () => void;
}) {
  const user = useSessionUser();
  const may = permission(user?.role, "write");
  const start = useStartJob();
  const running = useQuery(jobsListQuery({ kind: "reactivation", serverId, limit: 10 }));
  const active = (running.data?.jobs ?? []).filter(jobActive);
  const tooMany = selected.length > MAX_HAND_PICKED;
  return (
    <section className="flex flex-col gap-2 rounded-lg border bg-card p-3" aria-label="Bulk reactivation">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Bulk reactivation</span>
        <span className="text-xs text-muted-foreground">
          A dry run first says which addresses can be reactivated and why not; nothing changes until you confirm.
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={!may.allowed || !selected.length || tooMany || start.isPending}
          title={may.reason}
          onClick={() =>
            start.mutate(
              { kind: "reactivation-plan", params: { serverId, selection: { by: "ids", bounceIds: selected } } },
              { onSuccess: (r) => onJob(r.job.id) },
            )
          }
        >
          <FlaskConical aria-hidden /> Dry run: {selected.length} selected
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={!may.allowed || !matching || start.isPending}
          title={may.reason}
          onClick={() =>
            start.mutate(
              { kind: "reactivation-plan", params: { serverId, selection: { by: "filter", filter } } },
              { onSuccess: (r) => onJob(r.job.id) },
            )
          }
        >
          <FlaskConical aria-hidden /> Dry run: all {matching === null ? "" : matching.toLocaleString()} matching the
          filter
        </Button>
        {selected.length > 0 && (
          <Button size="sm" variant="ghost" onClick={onClear}>
            <X aria-hidden /> Clear selection
          </Button>
        )}
      </div>
      {!may.allowed && <p className="text-xs text-muted-foreground">{may.reason}</p>}
      {tooMany && (
        <p className="text-xs text-destructive">Pick at most {MAX_HAND_PICKED} by hand, or use the filter.</p>
      )}
      {start.isError && <ErrorState title="Could not start the dry run" error={start.error} />}
      {active.length > 0 && (
        <p className="text-sm" data-testid="running-reactivations">
          Running now:{" "}
          {active.map((j, i) => (
            <span key={j.id}>
              {i > 0 && ", "}
              <button type="button" className="text-primary hover:underline" onClick={() => onJob(j.id)}>
                {j.title} ({j.processed}/{j.total ?? "?"}, by {j.createdBy})
              </button>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

export function BouncesJobPanel({
  id,
  onJob,
  onClose,
}: {
  id: number;
  onJob: (id: number) => void;
  onClose: () => void;
}) {
  return (
    <section className="flex flex-col gap-2" aria-label="Reactivation job">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Reactivation job {id}</h2>
        <Button size="sm" variant="ghost" onClick={onClose}>
          <X aria-hidden /> Close
        </Button>
      </div>
      <JobDetail key={id} id={id} onRun={onJob} />
    </section>
  );
}
