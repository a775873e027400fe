import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { BellOff } from "lucide-react";
import { useMemo } from "react";
import { roleMay } from "@/contract/api/auth";
import {
  alertKindLabel,
  alertRuleKinds,
  alertStatuses,
  type AlertRuleKind,
  type AlertStatus,
} from "@/contract/health/alert-kinds";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { AlertEntry } from "@/web/components/health/alert-entry";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { alertQuery, alertsListQuery } from "@/web/lib/alerts-api";
import { describeError } from "@/web/lib/api-error";
import { serversQuery } from "@/web/lib/app-queries";
import { formatDateTime } from "@/web/lib/format";
import { useSessionUser } from "@/web/lib/session";
import { AlertRulesList } from "./components/alert-rules-list";
import { ThresholdsCard } from "./components/thresholds-card";

const route = getRouteApi("/_app/alerts");
const selectClass = "h-8 min-w-0 rounded-md border border-input bg-transparent px-2 text-sm";

/** Alert history with filters, the rules, and the verdict thresholds. */
export function AlertsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSessionUser();
  const servers = useQuery(serversQuery);
  const names = useMemo(() => new Map((servers.data?.servers ?? []).map((s) => [s.id, s.name])), [servers.data]);
  const serverName = (id: number) => names.get(id) ?? `Server ${id}`;
  const filters = { status: search.status, kind: search.kind, server: search.server, rule: search.rule };
  const list = useQuery(alertsListQuery(filters, 100));
  const set = (patch: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...patch, alert: undefined }) });
  const listed = list.data?.alerts.find((a) => a.id === search.alert);
  // A link to an alert outside the loaded list (older, or filtered out) reads it by id.
  const fetchOne = search.alert !== undefined && list.isSuccess && !listed;
  const one = useQuery({ ...alertQuery(search.alert ?? 0), enabled: fetchOne });
  const open = listed ?? (fetchOne ? one.data : undefined);

  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader
        title="Alerts"
        description="Breaches of the alert rules, from the check that saw them to the first check that did not."
      />
      {fetchOne && one.isError && (
        <p role="alert" className="mb-4 text-sm break-words text-destructive" data-testid="alert-detail-error">
          Alert {search.alert} could not be shown: {describeError(one.error)}
        </p>
      )}
      {open && (
        <section
          aria-label="Alert detail"
          className="mb-4 rounded-lg border bg-card p-4 text-sm"
          data-testid="alert-detail"
        >
          <h2 className="font-semibold">{open.ruleName}</h2>
          <p className="mt-1 break-words">{open.summary}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-muted-foreground">
            <dt>Status</dt>
            <dd>{open.status}</dd>
            <dt>Started</dt>
            <dd>{formatDateTime(open.startedAt)}</dd>
            <dt>Ended</dt>
            <dd>{formatDateTime(open.endedAt)}</dd>
            <dt>Last checked</dt>
            <dd>{formatDateTime(open.lastCheckedAt)}</dd>
            <dt>Notifications</dt>
            <dd>
              {open.notifications}
              {open.lastNotifiedAt ? `, last ${formatDateTime(open.lastNotifiedAt)}` : ""}
            </dd>
            <dt>Server</dt>
            <dd>
              {serverName(open.serverId)}
              {open.stream ? ` · stream ${open.stream}` : ""}
              {open.tag ? ` · tag ${open.tag}` : ""}
            </dd>
          </dl>
        </section>
      )}
      <section aria-label="Alert history" className="mb-8">
        <div className="mb-3 flex flex-wrap items-end gap-2" data-testid="alert-filters">
          <label className="flex flex-col gap-1 text-xs">
            Status
            <select
              className={selectClass}
              value={search.status ?? ""}
              onChange={(e) => set({ status: (e.target.value || undefined) as AlertStatus | undefined })}
            >
              <option value="">Any</option>
              {alertStatuses.map((s) => (
                <option key={s} value={s}>
                  {s === "firing" ? "Firing" : "Resolved"}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs">
            Kind
            <select
              className={selectClass}
              value={search.kind ?? ""}
              onChange={(e) => set({ kind: (e.target.value || undefined) as AlertRuleKind | undefined })}
            >
              <option value="">Any</option>
              {alertRuleKinds.map((k) => (
                <option key={k} value={k}>
                  {alertKindLabel[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs">
            Server
            <select
              className={selectClass}
              value={search.server ?? ""}
              onChange={(e) => set({ server: e.target.value ? Number(e.target.value) : undefined })}
            >
              <option value="">Any</option>
              {(servers.data?.servers ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {(search.status || search.kind || search.server || search.rule) && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => set({ status: undefined, kind: undefined, server: undefined, rule: undefined })}
            >
              Clear filters
            </Button>
          )}
        </div>
        {list.isPending ? (
          <div className="grid gap-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-16 w-full" />
            ))}
          </div>
        ) : list.isError ? (
          <ErrorState title="Could not load alerts" error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.alerts.length === 0 ? (
          <EmptyState icon={BellOff} title="No alerts">
            Nothing matched these filters.
          </EmptyState>
        ) : (
          <div className="divide-y overflow-hidden rounded-lg border bg-card" data-testid="alert-history">
            {list.data.alerts.map((a) => (
              <AlertEntry
                key={a.id}
                alert={a}
                serverName={serverName(a.serverId)}
                className={a.id === search.alert ? "bg-muted" : undefined}
              />
            ))}
            {list.data.nextBefore !== null && (
              <p className="px-3 py-2 text-xs text-muted-foreground">
                The newest 100 are shown; narrow the filters to see older ones.
              </p>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="rules-heading" className="mb-8">
        <h2 id="rules-heading" className="mb-2 text-lg font-semibold">
          Rules
        </h2>
        <AlertRulesList canEdit={!!user && roleMay.editWorkflows(user.role)} serverName={serverName} />
      </section>
      <section aria-labelledby="thresholds-heading">
        <h2 id="thresholds-heading" className="mb-2 text-lg font-semibold">
          Verdict thresholds
        </h2>
        <ThresholdsCard canEdit={user?.role === "admin"} />
      </section>
    </div>
  );
}
