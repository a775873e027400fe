import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, LoaderCircle, RotateCcw } from "lucide-react";
import type { RunStep } from "@/contract/api/workflows";
import { workflowTriggers } from "@/contract/workflows/triggers";
import { ErrorState } from "@/web/components/error-state";
import { JsonViewer } from "@/web/components/json-viewer";
import { NotFound } from "@/web/components/not-found";
import { PageHeader } from "@/web/components/page-header";
import { RoutePending } from "@/web/components/route-pending";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/web/components/ui/card";
import { formatDateTime, formatDuration } from "@/web/lib/format";
import { rerunRun, runQuery, runsKey } from "../workflows-api";
import { RunStatusBadge } from "./run-status-badge";

const route = getRouteApi("/_app/runs/$runId");

function stepDuration(s: RunStep): string {
  if (!s.startedAt || !s.finishedAt) return "—";
  return formatDuration(new Date(s.finishedAt).getTime() - new Date(s.startedAt).getTime());
}

function StepCard({ step }: { step: RunStep }) {
  return (
    <Card className="min-w-0" data-testid="run-step">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="font-mono text-sm">
          {step.index + 1}. {step.stepId}
        </CardTitle>
        <div className="flex items-center gap-2 text-xs text-muted-foreground">
          <RunStatusBadge status={step.status} />
          {step.responseStatus != null && <Badge variant="outline">HTTP {step.responseStatus}</Badge>}
          <span>{stepDuration(step)}</span>
        </div>
      </CardHeader>
      <CardContent className="flex min-w-0 flex-col gap-3 text-sm">
        {step.error && (
          <dl
            className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border border-destructive/30 bg-destructive/5 p-3"
            data-testid="step-error"
          >
            {step.error.errorCode != null && (
              <>
                <dt className="text-muted-foreground">ErrorCode</dt>
                <dd className="font-mono font-medium">{step.error.errorCode}</dd>
              </>
            )}
            <dt className="text-muted-foreground">Message</dt>
            <dd className="break-words">{step.error.message}</dd>
            {step.error.problems?.map((p, i) => (
              <>
                <dt key={`a${i}`} className="font-mono text-xs text-muted-foreground">
                  {p.at || "—"}
                </dt>
                <dd key={`b${i}`} className="break-words">
                  {p.message}
                </dd>
              </>
            ))}
          </dl>
        )}
        {step.itemErrors.length > 0 && (
          <ul className="text-xs text-destructive">
            {step.itemErrors.map((e) => (
              <li key={e.index}>
                Item {e.index}: ErrorCode {e.errorCode}, {e.message}
              </li>
            ))}
          </ul>
        )}
        {step.approval && (
          <p className="text-xs" data-testid="step-approval">
            Approval {step.approval.status}
            {step.approval.uncertain && " (may have run)"}
            {step.approval.decidedBy && ` by ${step.approval.decidedBy}`}
            {step.approval.approvers.length > 0 &&
              ` · approvers: ${step.approval.approvers.map((a) => a.username).join(", ")}`}
            {step.approval.decidedAt && ` · ${formatDateTime(step.approval.decidedAt)}`}
            {step.approval.reason && ` · “${step.approval.reason}”`}
            {step.approval.edited && " · parameters edited"}
          </p>
        )}
        {step.request != null && (
          <div className="min-w-0">
            <h4 className="mb-1 text-xs font-medium text-muted-foreground uppercase">Request</h4>
            <JsonViewer value={step.request} />
          </div>
        )}
        {step.response != null && (
          <div className="min-w-0">
            <h4 className="mb-1 text-xs font-medium text-muted-foreground uppercase">Response</h4>
            <JsonViewer value={step.response} />
          </div>
        )}
        {step.attempts.length > 0 && (
          <div className="min-w-0 overflow-x-auto">
            <h4 className="mb-1 text-xs font-medium text-muted-foreground uppercase">Attempts</h4>
            <table className="w-full text-xs">
              <tbody>
                {step.attempts.map((a) => (
                  <tr key={a.n} className="border-t">
                    <td className="py-1 pr-3 font-mono">#{a.n}</td>
                    <td className="py-1 pr-3">{formatDateTime(a.startedAt)}</td>
                    <td className="py-1 pr-3 font-mono">{a.status ?? "—"}</td>
                    <td className="py-1 break-words text-destructive">{a.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** One run: its event, each step's resolved request, response, attempts, approval and errors; re-run it. */
export function RunDetailPage() {
  const { runId } = route.useParams();
  const id = Number(runId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const run = useQuery({ ...runQuery(id), enabled: Number.isInteger(id) && id > 0 });
  const rerun = useMutation({
    mutationFn: () => rerunRun(id),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: runsKey });
      void navigate({ to: "/runs/$runId", params: { runId: String(r.id) } });
    },
  });
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (run.isPending) return <RoutePending />;
  if (run.isError)
    return <ErrorState title={`Run #${id} could not be loaded`} error={run.error} onRetry={() => void run.refetch()} />;
  const r = run.data;
  return (
    <div className="mx-auto w-full max-w-5xl">
      <Button asChild variant="link" size="sm" className="mb-2 h-auto px-0 text-muted-foreground">
        <Link to="/runs">
          <ArrowLeft aria-hidden />
          All runs
        </Link>
      </Button>
      <PageHeader
        title={<>Run #{r.id}</>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link
              to="/workflows/$workflowId"
              params={{ workflowId: String(r.workflowId) }}
              className="text-foreground hover:underline"
            >
              {r.workflowName}
            </Link>
            <Badge variant="outline">v{r.version}</Badge>
            <RunStatusBadge status={r.status} />
            {r.test && <Badge variant="outline">test</Badge>}
            {r.rerunOf && (
              <Link to="/runs/$runId" params={{ runId: String(r.rerunOf) }} className="hover:underline">
                re-run of #{r.rerunOf}
              </Link>
            )}
          </span>
        }
        actions={
          <Button variant="outline" onClick={() => rerun.mutate()} disabled={rerun.isPending}>
            {rerun.isPending ? <LoaderCircle className="animate-spin" /> : <RotateCcw />}Re-run
          </Button>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-muted-foreground">Event</dt>
          <dd>
            {workflowTriggers[r.trigger].title}
            {r.eventId ? ` #${r.eventId}` : " (synthetic)"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Server</dt>
          <dd>{r.serverId ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Started</dt>
          <dd>{formatDateTime(r.startedAt ?? r.createdAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Duration</dt>
          <dd>{r.durationMs != null ? formatDuration(r.durationMs) : "—"}</dd>
        </div>
      </dl>
      {r.error && (
        <div className="mb-4">
          <ErrorState title="The run failed" error={new Error(r.error)} />
        </div>
      )}
      <div className="flex flex-col gap-4">
        {r.steps.length === 0 ? (
          <p className="text-sm text-muted-foreground">This run has no steps.</p>
        ) : (
          r.steps.map((s) => <StepCard key={s.index} step={s} />)
        )}
        <details className="rounded-md border p-3">
          <summary className="cursor-pointer text-sm font-medium">Event payload</summary>
          <JsonViewer value={r.payload} className="mt-2" />
        </details>
      </div>
    </div>
  );
}
