import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CircleAlert, CircleCheck, LayoutTemplate, Plus, Workflow } from "lucide-react";
import { useState } from "react";
import type { WorkflowSummary } from "@/contract/api/workflows";
import { workflowTriggers } from "@/contract/workflows/triggers";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Switch } from "@/web/components/ui/switch";
import { formatDateTime } from "@/web/lib/format";
import { RunStatusBadge } from "../runs/run-status-badge";
import { invalidateWorkflows, setWorkflowEnabled, workflowQuery, workflowsQuery } from "../workflows-api";
import { WorkflowsTemplateDialog } from "./workflows-template-dialog";

// The head and every row share these columns from sm up; below it each row wraps.
const columns = "sm:grid-cols-[minmax(0,2fr)_8rem_6rem_minmax(0,1.4fr)_minmax(0,1fr)]";

function Problems({ id }: { id: number }) {
  const q = useQuery(workflowQuery(id));
  if (!q.data) return <span className="text-xs text-muted-foreground">…</span>;
  const errors = q.data.problems.filter((p) => p.severity === "error").length;
  const warnings = q.data.problems.length - errors;
  if (q.data.problems.length === 0)
    return (
      <span className="inline-flex items-center gap-1 text-xs text-success">
        <CircleCheck className="size-3.5" aria-hidden />
        no problems
      </span>
    );
  return (
    <span className="inline-flex items-center gap-1 text-xs" title={q.data.problems.map((p) => p.message).join("\n")}>
      <CircleAlert
        className={errors ? "size-3.5 text-destructive" : "size-3.5 text-warning-foreground dark:text-warning"}
        aria-hidden
      />
      {errors > 0 && `${errors} error${errors === 1 ? "" : "s"}`}
      {errors > 0 && warnings > 0 && ", "}
      {warnings > 0 && `${warnings} warning${warnings === 1 ? "" : "s"}`}
    </span>
  );
}

function Row({ w, hasErrors }: { w: WorkflowSummary; hasErrors: boolean | undefined }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => setWorkflowEnabled(w.id, enabled),
    onSuccess: () => invalidateWorkflows(queryClient),
  });
  const cannotEnable = !w.enabled && (hasErrors === true || w.disabledReason !== null);
  return (
    <>
      <div className="min-w-0 basis-full">
        <Link
          to="/workflows/$workflowId"
          params={{ workflowId: String(w.id) }}
          className="font-medium break-words hover:underline"
        >
          {w.name}
        </Link>
        <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground sm:hidden">
          {workflowTriggers[w.trigger].title} · v{w.currentVersion}
        </div>
        {w.disabledReason && (
          <p
            className="mt-1 flex items-start gap-1 text-xs break-words text-destructive"
            data-testid="workflow-disabled-reason"
          >
            <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
            <span className="min-w-0">{w.disabledReason}</span>
          </p>
        )}
      </div>
      <div className="hidden text-sm sm:block">{workflowTriggers[w.trigger].title}</div>
      <div className="flex items-center gap-2 text-sm">
        <Switch
          aria-label={`${w.enabled ? "Disable" : "Enable"} ${w.name}`}
          checked={w.enabled}
          disabled={toggle.isPending || cannotEnable}
          title={cannotEnable ? (w.disabledReason ?? "Fix its errors before enabling") : undefined}
          onCheckedChange={(v) => toggle.mutate(v)}
        />
        <span className="text-xs text-muted-foreground">{w.enabled ? "on" : "off"}</span>
        <Badge variant="outline" className="hidden sm:inline-flex">
          v{w.currentVersion}
        </Badge>
      </div>
      <div className="min-w-0 text-xs">
        {w.lastRun ? (
          <Link
            to="/runs/$runId"
            params={{ runId: String(w.lastRun.id) }}
            className="inline-flex items-center gap-2 hover:underline"
          >
            <RunStatusBadge status={w.lastRun.status} />{" "}
            <span className="text-muted-foreground">{formatDateTime(w.lastRun.createdAt)}</span>
          </Link>
        ) : (
          <span className="text-muted-foreground">never run</span>
        )}
      </div>
      <div className="min-w-0">
        <Problems id={w.id} />
      </div>
    </>
  );
}

/** Saved workflows with their switch, version, last run and problems; new ones start blank or from the library. */
export function WorkflowsListPage() {
  const list = useQuery(workflowsQuery);
  const [templates, setTemplates] = useState(false);
  // Problems come with each workflow's detail; the list answer does not carry them.
  const details = useQueries({ queries: (list.data?.workflows ?? []).map((w) => workflowQuery(w.id)) });
  const errorsById = new Map(
    details.flatMap((d) => (d.data ? [[d.data.id, d.data.problems.some((p) => p.severity === "error")] as const] : [])),
  );

  return (
    <div className="mx-auto w-full max-w-6xl">
      <PageHeader
        title="Workflows"
        description="Turn a Postmark event into Postmark actions, with risky steps waiting for approval."
        actions={
          <>
            <Button variant="outline" onClick={() => setTemplates(true)}>
              <LayoutTemplate />
              From a template
            </Button>
            <Button asChild>
              <Link to="/workflows/$workflowId" params={{ workflowId: "new" }}>
                <Plus />
                New workflow
              </Link>
            </Button>
          </>
        }
      />
      <DataList
        items={list.data?.workflows}
        itemKey={(w) => w.id}
        label="Workflows"
        className="divide-y"
        frameClassName="rounded-lg border"
        head={
          <div
            className={`hidden gap-4 border-b px-3 py-2 text-xs font-medium text-muted-foreground sm:grid ${columns}`}
          >
            <span>Name</span>
            <span>Trigger</span>
            <span>Enabled</span>
            <span>Last run</span>
            <span>Problems</span>
          </div>
        }
        {...queryState(list)}
        skeletonRows={3}
        skeletonClassName="h-14"
        errorTitle="Workflows could not be loaded"
        empty={{
          icon: Workflow,
          title: "No workflows yet",
          children: (
            <>
              Start with a blank canvas, or pick a ready-made workflow such as “Reactivate soft bounces”.
              <div className="mt-3 flex flex-wrap justify-center gap-2">
                <Button size="sm" variant="outline" onClick={() => setTemplates(true)}>
                  From a template
                </Button>
              </div>
            </>
          ),
        }}
        itemClassName={`flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 p-3 sm:grid sm:items-center sm:gap-4 ${columns}`}
        itemAttributes={() => ({ "data-testid": "workflow-row" })}
        renderItem={(w) => <Row w={w} hasErrors={errorsById.get(w.id)} />}
      />
      <p className="mt-4 text-sm text-muted-foreground">
        Every run is recorded:{" "}
        <Link to="/runs" className="text-primary hover:underline">
          see the runs
        </Link>
        .
      </p>
      <WorkflowsTemplateDialog open={templates} onOpenChange={setTemplates} />
    </div>
  );
}
