import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleX, PlugZap, RefreshCw, ShieldX } from "lucide-react";
import { useState } from "react";
import type { ServerWiring, WiringApplyResponse, WiringChange } from "@/contract/api/events";
import { ErrorState } from "@/web/components/error-state";
import { TriggerBadge } from "@/web/components/trigger-badge";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { Skeleton } from "@/web/components/ui/skeleton";
import { formatDateTime } from "@/web/lib/format";
import { selectedServer } from "@/web/lib/server-selection";
import { notify } from "@/web/lib/toast";
import { applyWiring, planWiring, refusalsQuery, wiringQuery, wiringRequestFor } from "./webhook-wiring-api";
import { WebhookWiringCredentials } from "./webhook-wiring-credentials";
import { WebhookWiringPlanDialog } from "./webhook-wiring-plan-dialog";

function ServerCheck({ server }: { server: ServerWiring }) {
  const reaching = server.triggers.filter((t) => t.reaches).length;
  return (
    <div className="flex flex-col gap-2" data-testid="wiring-server">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium">{server.serverName ?? `Server ${server.serverId}`}</h3>
        <span className="text-xs text-muted-foreground">#{server.serverId}</span>
        {!server.error && (
          <Badge variant={reaching === server.triggers.length ? "success" : "warning"} data-testid="wiring-summary">
            {reaching} of {server.triggers.length} triggers reach Mailroom
          </Badge>
        )}
      </div>
      {server.error ? (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm break-words">
          Postmark could not be read: {server.error}
        </p>
      ) : (
        <ul className="flex flex-col divide-y rounded-md border">
          {server.triggers.map((t) => (
            <li
              key={t.trigger}
              data-testid="wiring-trigger"
              data-trigger={t.trigger}
              data-reaches={t.reaches}
              data-missing={t.missingStreams.length > 0}
              className="flex flex-col gap-1.5 p-3 sm:flex-row sm:items-start sm:gap-3"
            >
              <div className="flex items-center gap-2 sm:w-56 sm:shrink-0">
                {t.reaches ? (
                  <CircleCheck className="size-4 shrink-0 text-success" aria-label="Reaches Mailroom" />
                ) : (
                  <CircleX className="size-4 shrink-0 text-destructive" aria-label="Does not reach Mailroom" />
                )}
                <TriggerBadge kind={t.trigger} />
              </div>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                {t.streams.length + t.missingStreams.length > 0 && (
                  <div className="flex flex-wrap gap-1" aria-label="Streams">
                    {t.streams.map((s) => (
                      <Badge key={s} variant="success" className="font-mono font-normal" title="Wired">
                        {s}
                      </Badge>
                    ))}
                    {t.missingStreams.map((s) => (
                      <Badge
                        key={s}
                        variant="outline"
                        className="border-destructive/40 font-mono font-normal text-destructive"
                        title="Not wired"
                      >
                        {s} ✕
                      </Badge>
                    ))}
                  </div>
                )}
                {t.problems.map((p) => (
                  <p key={p} className="text-xs break-words text-muted-foreground">
                    {p}
                  </p>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AppliedList({ applied }: { applied: WiringApplyResponse["applied"] }) {
  if (applied.length === 0) return null;
  return (
    <div className="flex flex-col gap-1 rounded-md border p-3 text-sm" role="status" data-testid="wiring-applied">
      <p className="font-medium">Postmark answered:</p>
      <ul className="flex flex-col gap-1">
        {applied.map((a, i) => (
          <li key={i} className="flex min-w-0 flex-wrap items-center gap-2">
            <Badge variant={a.error ? "destructive" : "success"} className="font-mono">
              {a.status}
            </Badge>
            <code className="min-w-0 font-mono text-xs break-all">
              {a.method} {a.path}
            </code>
            {a.error && <span className="w-full text-xs break-words text-destructive">{a.error}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Refusals() {
  const q = useQuery(refusalsQuery);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          <ShieldX className="size-4" aria-hidden />
          Refused webhook calls
        </CardTitle>
        <CardDescription>
          Calls to the webhook URL with wrong or missing credentials are answered 401 and listed here.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {q.isPending ? (
          <Skeleton className="h-10" />
        ) : q.isError ? (
          <ErrorState title="Could not load refused calls" error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data.refusals.length === 0 ? (
          <p className="text-sm text-muted-foreground">None: every call so far had the right credentials.</p>
        ) : (
          <ul className="flex flex-col divide-y text-sm">
            {q.data.refusals.slice(0, 20).map((r) => (
              <li key={r.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-3">
                <span className="shrink-0 text-xs text-muted-foreground tabular-nums sm:w-44">
                  {formatDateTime(r.at)}
                </span>
                <span className="shrink-0 font-mono text-xs">{r.address}</span>
                <span className="min-w-0 break-words text-muted-foreground">{r.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** Settings → Webhooks: what Postmark must call, which triggers reach Mailroom, and one-click wiring. */
export function WebhookWiring() {
  const queryClient = useQueryClient();
  const server = selectedServer.use();
  const check = useQuery(wiringQuery(server));
  const [plan, setPlan] = useState<WiringChange[] | null>(null);
  const [applied, setApplied] = useState<WiringApplyResponse["applied"]>([]);

  const planning = useMutation({
    mutationFn: () => planWiring(wiringRequestFor(server)),
    meta: { silent: true },
    onSuccess: (res) => {
      if (res.changes.length === 0) notify.success("Nothing to change: every trigger already reaches Mailroom.");
      else setPlan(res.changes);
    },
  });
  const applying = useMutation({
    mutationFn: () => applyWiring(wiringRequestFor(server)),
    meta: { silent: true },
    onSuccess: (res) => {
      setPlan(null);
      setApplied(res.applied);
      queryClient.setQueryData(wiringQuery(server).queryKey, res.check);
      // Postmark's webhook lists changed too.
      void queryClient.invalidateQueries({ queryKey: ["postmark", "webhooks"] });
      const failed = res.applied.filter((a) => a.error).length;
      if (failed) notify.error(`${failed} of ${res.applied.length} Postmark calls failed`);
      else notify.success(`Wired: ${res.applied.length} change${res.applied.length === 1 ? "" : "s"} made`);
    },
    onError: () => setPlan(null),
  });

  if (check.isPending) return <Skeleton className="h-64" />;
  if (check.isError)
    return (
      <ErrorState title="Could not check the webhook wiring" error={check.error} onRetry={() => void check.refetch()} />
    );
  const data = check.data;
  const missing = data.servers.some((s) => s.triggers.some((t) => !t.reaches));

  return (
    <div className="flex flex-col gap-6" data-testid="webhook-wiring">
      <WebhookWiringCredentials credentials={data.credentials} webhookUrl={data.servers[0]?.webhookUrl ?? null} />
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Which triggers reach Mailroom</CardTitle>
          <CardDescription>
            Read from Postmark: each stream's webhooks, the server's inbound hook and its SMTP API error setting.
            Postmark's rules apply: broadcast streams get no bounce or spam hooks, and inbound mail comes only through
            the inbound hook.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          {data.servers.map((s) => (
            <ServerCheck key={s.serverId} server={s} />
          ))}
          {planning.isError && <ErrorState title="Could not plan the wiring" error={planning.error} />}
          {applying.isError && <ErrorState title="Wiring failed" error={applying.error} />}
          <AppliedList applied={applied} />
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button onClick={() => planning.mutate()} disabled={planning.isPending || applying.isPending}>
              <PlugZap aria-hidden />
              {planning.isPending
                ? "Working out the changes…"
                : missing
                  ? "Wire missing triggers"
                  : "Check for changes to make"}
            </Button>
            <Button variant="outline" onClick={() => void check.refetch()} disabled={check.isFetching}>
              <RefreshCw className={check.isFetching ? "animate-spin" : undefined} aria-hidden />
              Check again
            </Button>
          </div>
        </CardContent>
      </Card>
      <Refusals />
      <WebhookWiringPlanDialog
        changes={plan ?? []}
        open={plan !== null}
        onOpenChange={(o) => !o && setPlan(null)}
        onConfirm={() => applying.mutate()}
        applying={applying.isPending}
      />
    </div>
  );
}
