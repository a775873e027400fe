import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { BellRing, RefreshCw } from "lucide-react";
import { roleMay } from "@/contract/api/auth";
import { AlertEntry } from "@/web/components/health/alert-entry";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { afterAlertsChange, checkNow, healthQuery, overviewQuery } from "@/web/lib/alerts-api";
import { describeError } from "@/web/lib/api-error";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { OverviewHealthTiles, OverviewScopedVerdicts } from "./components/overview-health";
import { OverviewEvents } from "./components/overview-events";
import { OverviewServers } from "./components/overview-servers";
import { OverviewWebhooks } from "./components/overview-webhooks";
import { OverviewApprovals, OverviewRuns } from "./components/overview-work";
import { overviewPeriods, periodDays } from "./overview-search";

const route = getRouteApi("/_app/");

function TilesFallback({ n, label }: { n: number; label: string }) {
  return (
    <div className="contents" aria-busy="true" aria-label={label}>
      {Array.from({ length: n }, (_, i) => (
        <Skeleton key={i} className="h-44 w-full" />
      ))}
    </div>
  );
}

/** The home page: is everything all right, and what needs a person now. */
export function OverviewPage() {
  const { period } = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const user = useSessionUser();
  const qc = useQueryClient();
  const days = periodDays[period];
  const periodLabel = `Last ${days} days`;
  const overview = useQuery(overviewQuery(serverId));
  const health = useQuery(healthQuery(serverId, days));
  const check = useMutation({ mutationFn: checkNow, meta: { silent: true }, onSettled: () => afterAlertsChange(qc) });
  const now = Date.now();
  const firing = overview.data?.alerts ?? [];

  return (
    <div className="mx-auto w-full max-w-6xl">
      <PageHeader
        title="Overview"
        description="Is everything all right, and what needs a person now."
        actions={
          <>
            <div role="group" aria-label="Period" className="flex gap-1">
              {overviewPeriods.map((p) => (
                <Button
                  key={p}
                  size="sm"
                  variant={period === p ? "default" : "outline"}
                  aria-pressed={period === p}
                  onClick={() => void navigate({ search: { period: p } })}
                >
                  {periodDays[p]} days
                </Button>
              ))}
            </div>
            {user && roleMay.editWorkflows(user.role) && (
              <Button size="sm" variant="outline" disabled={check.isPending} onClick={() => check.mutate()}>
                <RefreshCw aria-hidden className={check.isPending ? "animate-spin" : undefined} />
                {check.isPending ? "Checking…" : "Check alerts now"}
              </Button>
            )}
          </>
        }
      />
      {check.error && (
        <p role="alert" className="mb-3 text-sm break-words text-destructive">
          {describeError(check.error)}
        </p>
      )}
      {check.data && check.data.errors.length > 0 && (
        <p role="status" className="mb-3 text-sm break-words text-warning-foreground dark:text-warning">
          {check.data.errors.length} rule{check.data.errors.length === 1 ? "" : "s"} could not be checked:{" "}
          {check.data.errors[0]!.message}
        </p>
      )}

      <section aria-label="Alerts firing" className="mb-4" data-testid="overview-alerts">
        {overview.isPending ? null : firing.length > 0 ? (
          <div className="overflow-hidden rounded-lg border border-destructive/50 bg-card">
            <h2 className="flex items-center gap-2 border-b px-3 py-2 text-sm font-semibold text-destructive">
              <BellRing aria-hidden className="size-4" />
              {firing.length} alert{firing.length === 1 ? "" : "s"} firing
            </h2>
            <div className="divide-y">
              {firing.map((a) => (
                <AlertEntry key={a.id} alert={a} />
              ))}
            </div>
          </div>
        ) : (
          overview.data && (
            <p className="text-sm text-muted-foreground">
              No alert is firing.{" "}
              <Link to="/alerts" className="text-primary underline-offset-4 hover:underline">
                Alert rules and history
              </Link>
            </p>
          )
        )}
      </section>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {health.isPending ? (
          <TilesFallback n={3} label="Loading verdicts" />
        ) : health.isError ? (
          <div className="sm:col-span-2 lg:col-span-3">
            <ErrorState
              title="Could not load the verdicts"
              error={health.error}
              onRetry={() => void health.refetch()}
            />
          </div>
        ) : (
          <OverviewHealthTiles health={health.data} periodLabel={periodLabel} />
        )}
        {overview.isPending ? (
          <TilesFallback n={3} label="Loading the overview" />
        ) : overview.isError ? (
          <div className="sm:col-span-2 lg:col-span-3">
            <ErrorState
              title="Could not load the overview"
              error={overview.error}
              onRetry={() => void overview.refetch()}
            />
          </div>
        ) : (
          <>
            <OverviewApprovals approvals={overview.data.approvals} now={now} />
            <OverviewRuns runs={overview.data.runs} now={now} />
            <OverviewWebhooks webhooks={overview.data.webhooks} now={now} />
          </>
        )}
        <OverviewEvents
          now={now}
          serverId={serverId ?? overview.data?.serverId ?? null}
          ready={serverId !== null || !overview.isPending}
        />
      </div>

      {health.data && (
        <div className="mt-4">
          <OverviewScopedVerdicts health={health.data} periodLabel={periodLabel} />
        </div>
      )}
      <div className="mt-4">
        <OverviewServers current={serverId ?? overview.data?.serverId ?? null} />
      </div>
    </div>
  );
}
