import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ClipboardCheck, History } from "lucide-react";
import { useState } from "react";
import type { OverviewResponse } from "@/contract/api/alerts";
import { roleMay } from "@/contract/api/auth";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { overviewKey } from "@/web/lib/alerts-api";
import { apiRequest } from "@/web/lib/api-client";
import { describeError } from "@/web/lib/api-error";
import { useSessionUser } from "@/web/lib/session";
import { ago, approvalAge } from "../overview-shape";
import { OverviewTile } from "./overview-tile";

/** Pending approvals: how many, the oldest, and approving it from here. */
export function OverviewApprovals({ approvals, now }: { approvals: OverviewResponse["approvals"]; now: number }) {
  const user = useSessionUser();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const oldest = approvals.oldest;
  const approve = useMutation({
    mutationFn: (id: number) => apiRequest(`/api/approvals/${id}/approve`, { method: "POST", body: {} }),
    meta: { silent: true },
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: overviewKey }),
        qc.invalidateQueries({ queryKey: ["approvals"] }),
        qc.invalidateQueries({ queryKey: ["runs"] }),
      ]),
  });
  const age = oldest ? approvalAge(oldest.createdAt, oldest.expiresAt, now) : null;
  return (
    <OverviewTile
      title="Approvals"
      icon={ClipboardCheck}
      tone={age?.urgent ? "warning" : undefined}
      link={{ to: "/approvals", search: { status: "pending" } }}
      linkLabel="Open the queue"
      testId="tile-approvals"
    >
      <p className="text-2xl font-semibold tabular-nums" data-testid="approvals-pending">
        {approvals.pending}
      </p>
      <p className="text-sm text-muted-foreground">
        {approvals.pending === 1 ? "item waits" : "items wait"} for a person
      </p>
      {oldest && age && (
        <div className="mt-3 rounded-md border p-2 text-sm">
          <p className="break-words">
            Oldest:{" "}
            <Link
              to="/approvals/$approvalId"
              params={{ approvalId: String(oldest.id) }}
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              {oldest.workflowName}
            </Link>{" "}
            wants to{" "}
            <span className="font-mono text-xs break-all">
              {oldest.method} {oldest.path}
            </span>
          </p>
          <p className="mt-1 flex items-center gap-2 text-xs text-muted-foreground">
            waiting {age.text} {age.urgent && <Badge variant="warning">needs attention</Badge>}
          </p>
          {user && roleMay.decideApprovals(user.role) && (
            <Button size="sm" className="mt-2" disabled={approve.isPending} onClick={() => setConfirm(true)}>
              {approve.isPending ? "Approving…" : "Approve"}
            </Button>
          )}
          {approve.error && (
            <p role="alert" className="mt-1 text-xs break-words text-destructive">
              {describeError(approve.error)}
            </p>
          )}
          <ConfirmDialog
            open={confirm}
            onOpenChange={setConfirm}
            title={`Approve: ${oldest.method} ${oldest.path}`}
            description={
              <>
                The step of <strong>{oldest.workflowName}</strong> runs against Postmark as soon as you approve. Open
                the item to see the full request and who it reaches.
              </>
            }
            confirmLabel="Approve and run"
            onConfirm={() => approve.mutate(oldest.id)}
          />
        </div>
      )}
    </OverviewTile>
  );
}

/** Failed and parked (waiting) workflow runs. */
export function OverviewRuns({ runs, now }: { runs: OverviewResponse["runs"]; now: number }) {
  return (
    <OverviewTile
      title="Workflow runs"
      icon={History}
      tone={runs.failed > 0 ? "warning" : undefined}
      link={{ to: "/runs", search: { status: runs.failed > 0 ? "failed" : "waiting" } }}
      linkLabel={runs.failed > 0 ? "Failed runs" : "Waiting runs"}
      testId="tile-runs"
    >
      <dl className="grid grid-cols-2 gap-2">
        <div>
          <dt className="text-xs text-muted-foreground">Failed, 7 days</dt>
          <dd className="text-2xl font-semibold tabular-nums">{runs.failed}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Parked for approval</dt>
          <dd className="text-2xl font-semibold tabular-nums">{runs.waiting}</dd>
        </div>
      </dl>
      {runs.recent.length > 0 && (
        <ul className="mt-2 divide-y text-sm">
          {runs.recent.slice(0, 3).map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-1.5">
              <Link
                to="/runs/$runId"
                params={{ runId: String(r.id) }}
                className="min-w-0 truncate text-primary underline-offset-4 hover:underline"
              >
                {r.workflowName}
              </Link>
              <span className="flex shrink-0 items-center gap-2 text-xs text-muted-foreground">
                <Badge variant={r.status === "failed" ? "destructive" : "warning"}>{r.status}</Badge>
                {ago(r.createdAt, now)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </OverviewTile>
  );
}
