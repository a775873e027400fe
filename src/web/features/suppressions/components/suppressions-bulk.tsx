import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FlaskConical, Trash2, X } from "lucide-react";
import { useEffect, useState } from "react";
import { suppressionRemovalParams } from "@/contract/api/jobs";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { JobDetail } from "@/web/components/job-detail";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { jobActive, jobQuery, jobsListQuery, useStartJob } from "@/web/lib/jobs-api";
import { permission } from "@/web/lib/permissions";
import { useSessionUser } from "@/web/lib/session";
import type { SuppressionRow } from "../suppressions-api";
import { removalPlan, type RemovalVerdict } from "../suppressions-shape";

interface Plan {
  label: string;
  verdicts: RemovalVerdict[];
  removable: string[];
}

/**
 * Bulk removal: a dry run of the hand-picked rows or of everything the filter shows, then a
 * server job that removes the liftable ones 50 per call, with a result per address.
 */
export function SuppressionsBulk({
  serverId,
  streamId,
  rows,
  selected,
  onJob,
}: {
  serverId: number | null;
  streamId: string;
  rows: SuppressionRow[];
  selected: ReadonlySet<string>;
  onJob: (id: number) => void;
}) {
  const user = useSessionUser();
  const may = permission(user?.role, "write");
  const start = useStartJob();
  const running = useQuery(jobsListQuery({ kind: "suppression-removal", serverId, limit: 10 }));
  const active = (running.data?.jobs ?? []).filter(jobActive);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);

  const dryRun = (label: string, chosen: SuppressionRow[]) => {
    setInvalid(null);
    setPlan({ label, ...removalPlan(chosen) });
  };
  const run = () => {
    if (!plan) return;
    // The same schema the server checks the job with.
    const params = suppressionRemovalParams.safeParse({ serverId, stream: streamId, addresses: plan.removable });
    if (!params.success) {
      setInvalid(params.error.issues[0]?.message ?? "This selection cannot be removed.");
      return;
    }
    start.mutate(
      { kind: "suppression-removal", params: params.data },
      {
        onSuccess: (r) => {
          setPlan(null);
          onJob(r.job.id);
        },
      },
    );
  };
  const picked = rows.filter((r) => selected.has(r.EmailAddress ?? ""));
  const blocked = plan ? plan.verdicts.length - plan.removable.length : 0;

  return (
    <section className="flex flex-col gap-2 border-b p-3" aria-label="Bulk removal">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Bulk removal</span>
        <span className="text-xs text-muted-foreground">
          A dry run first says which suppressions Postmark will lift and why not; nothing changes until you confirm.
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={!may.allowed || picked.length === 0}
          title={may.reason}
          onClick={() => dryRun(`${picked.length} selected`, picked)}
        >
          <FlaskConical aria-hidden /> Dry run: {picked.length} selected
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={!may.allowed || rows.length === 0}
          title={may.reason}
          onClick={() => dryRun(`all ${rows.length.toLocaleString()} matching the filter`, rows)}
        >
          <FlaskConical aria-hidden /> Dry run: all {rows.length.toLocaleString()} matching the filter
        </Button>
      </div>
      {!may.allowed && <p className="text-xs text-muted-foreground">{may.reason}</p>}
      {plan && (
        <div
          className="flex flex-col gap-2 rounded-lg border p-2"
          data-testid="removal-plan"
          data-removable={plan.removable.length}
          data-blocked={blocked}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm">
              Dry run of {plan.label}: <strong>{plan.removable.length.toLocaleString()}</strong> can be removed,{" "}
              <strong>{blocked.toLocaleString()}</strong> cannot.
            </p>
            <Button size="sm" variant="ghost" onClick={() => setPlan(null)}>
              <X aria-hidden /> Discard
            </Button>
          </div>
          <ul className="max-h-56 overflow-y-auto text-sm" aria-label="Dry run per address">
            {plan.verdicts.map((v) => (
              <li
                key={v.email}
                className="flex flex-wrap items-baseline gap-x-2 border-t py-1 first:border-t-0"
                data-testid="removal-verdict"
                data-removable={v.removable}
              >
                <Badge variant={v.removable ? "success" : "warning"}>{v.removable ? "Can remove" : "Cannot"}</Badge>
                <span className="min-w-0 break-all">{v.email}</span>
                <span className="text-xs text-muted-foreground">{v.why}</span>
              </li>
            ))}
          </ul>
          <div>
            <Button
              variant="destructive"
              size="sm"
              disabled={plan.removable.length === 0 || !may.allowed || start.isPending}
              onClick={() => setConfirming(true)}
            >
              <Trash2 aria-hidden /> Remove {plan.removable.length.toLocaleString()} suppression
              {plan.removable.length === 1 ? "" : "s"}
            </Button>
          </div>
          {invalid && (
            <p role="alert" className="text-xs text-destructive">
              {invalid}
            </p>
          )}
        </div>
      )}
      {start.isError && <ErrorState title="Could not start the removal" error={start.error} />}
      {active.length > 0 && (
        <p className="text-sm" data-testid="running-removals">
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
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Remove ${plan?.removable.length.toLocaleString() ?? 0} suppressions from ${streamId}?`}
        description={
          <p>
            Postmark will send to these addresses on the {streamId} stream again. The server works through them in
            batches of 50; you can close this page, follow progress later and cancel.
          </p>
        }
        confirmLabel="Remove"
        onConfirm={run}
      />
    </section>
  );
}

/** The removal job's progress and per-address results; the list is reloaded when it ends. */
export function SuppressionsJobPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const qc = useQueryClient();
  const head = useQuery(jobQuery(id, { limit: 1 }));
  const done = head.data !== undefined && !jobActive(head.data.job);
  useEffect(() => {
    if (done) void qc.invalidateQueries({ queryKey: ["postmark", "suppressions"] });
  }, [done, qc]);
  return (
    <section className="flex flex-col gap-2" aria-label="Removal job">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Removal job {id}</h2>
        <Button size="sm" variant="ghost" onClick={onClose}>
          <X aria-hidden /> Close
        </Button>
      </div>
      <JobDetail key={id} id={id} onRun={() => undefined} />
    </section>
  );
}
