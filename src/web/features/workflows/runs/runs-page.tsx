import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { History } from "lucide-react";
import { runStatuses, type RunSummary } from "@/contract/api/workflows";
import { workflowTriggers } from "@/contract/workflows/triggers";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { formatDateTime, formatDuration } from "@/web/lib/format";
import { runsQuery, workflowsQuery } from "../workflows-api";
import { RunStatusBadge } from "./run-status-badge";

const route = getRouteApi("/_app/runs/");
// The head and every row share these columns from md up; below it each row stacks.
const columns = "md:grid-cols-[4rem_minmax(0,2fr)_minmax(0,1fr)_7rem_minmax(0,1.3fr)_5rem]";
const ALL = "__all__";

/** Every workflow run, newest first, filtered by workflow and status (in the URL). */
export function RunsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const runs = useQuery(runsQuery(search));
  const workflows = useQuery(workflowsQuery);
  const setFilter = (patch: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...patch, before: undefined }) });

  return (
    <div className="mx-auto w-full max-w-6xl">
      <PageHeader
        title="Runs"
        description="Every time a workflow ran: on which event, with which version, and how it ended."
      />
      <div className="mb-4 flex flex-wrap gap-2" role="group" aria-label="Filters">
        <Select
          value={search.workflow ? String(search.workflow) : ALL}
          onValueChange={(v) => setFilter({ workflow: v === ALL ? undefined : Number(v) })}
        >
          <SelectTrigger aria-label="Workflow" className="w-56 max-w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All workflows</SelectItem>
            {workflows.data?.workflows.map((w) => (
              <SelectItem key={w.id} value={String(w.id)}>
                {w.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select
          value={search.status ?? ALL}
          onValueChange={(v) => setFilter({ status: v === ALL ? undefined : (v as (typeof runStatuses)[number]) })}
        >
          <SelectTrigger aria-label="Status" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>Any status</SelectItem>
            {runStatuses.map((s) => (
              <SelectItem key={s} value={s}>
                {s}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {search.before && (
          <Button variant="ghost" size="sm" onClick={() => setFilter({})}>
            Back to newest
          </Button>
        )}
      </div>
      <DataList
        items={runs.data?.runs}
        itemKey={(r) => r.id}
        label="Runs"
        className="divide-y"
        frameClassName="rounded-lg border"
        head={
          <div
            className={`hidden gap-3 border-b px-3 py-2 text-xs font-medium text-muted-foreground md:grid ${columns}`}
          >
            <span>Run</span>
            <span>Workflow</span>
            <span>Event</span>
            <span>Status</span>
            <span>Started</span>
            <span>Duration</span>
          </div>
        }
        {...queryState(runs)}
        skeletonRows={4}
        skeletonClassName="h-12"
        errorTitle="Runs could not be loaded"
        empty={{
          icon: History,
          title: search.workflow || search.status ? "No run matches these filters" : "No runs yet",
          children: "A run starts when an event matches an enabled workflow, or when you test one for real.",
        }}
        renderItem={(r) => <RunItem run={r} />}
      />
      {runs.isSuccess && runs.data.runs.length > 0 && runs.data.nextBefore && (
        <Button
          variant="outline"
          className="mt-4"
          onClick={() => void navigate({ search: (s) => ({ ...s, before: runs.data.nextBefore ?? undefined }) })}
        >
          Older runs
        </Button>
      )}
    </div>
  );
}

function RunItem({ run: r }: { run: RunSummary }) {
  return (
    <Link
      to="/runs/$runId"
      params={{ runId: String(r.id) }}
      className={`flex min-w-0 flex-col gap-1 px-3 py-2.5 text-sm hover:bg-accent md:grid md:items-center md:gap-3 ${columns}`}
      data-testid="run-row"
    >
      <span className="font-mono text-xs text-muted-foreground">#{r.id}</span>
      <span className="min-w-0 break-words">
        {r.workflowName} <span className="text-xs text-muted-foreground">v{r.version}</span>
        {r.test && (
          <Badge variant="outline" className="ml-2">
            test
          </Badge>
        )}
        {r.rerunOf && (
          <Badge variant="outline" className="ml-2">
            re-run of #{r.rerunOf}
          </Badge>
        )}
      </span>
      <span className="text-xs">
        {workflowTriggers[r.trigger].title}
        {r.eventId ? ` #${r.eventId}` : ""}
      </span>
      <span>
        <RunStatusBadge status={r.status} />
      </span>
      <span className="text-xs text-muted-foreground">{formatDateTime(r.startedAt ?? r.createdAt)}</span>
      <span className="text-xs text-muted-foreground">{r.durationMs != null ? formatDuration(r.durationMs) : "—"}</span>
    </Link>
  );
}
