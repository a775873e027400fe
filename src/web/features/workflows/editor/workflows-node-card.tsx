import { CircleAlert, GitBranch, Hand, TriangleAlert, Zap } from "lucide-react";
import { workflowTriggers } from "@/contract/workflows/triggers";
import type { Problem } from "@/contract/workflows";
import { MethodLabel, RiskBadge } from "@/web/components/operation-meta";
import { Badge } from "@/web/components/ui/badge";
import { cn } from "@/web/lib/utils";
import { useEditor } from "./editor-context";
import { operationOf } from "./doc-edits";
import type { NodeRunStatus } from "./editor-store";
import { ruleOpLabels } from "./workflows-rules-editor";

const EMPTY: Problem[] = [];

const toneClass: Record<NodeRunStatus["tone"], string> = {
  ok: "bg-success/15 text-success",
  wait: "bg-warning/20 text-warning-foreground dark:text-warning",
  error: "bg-destructive/15 text-destructive",
  skip: "bg-muted text-muted-foreground",
};

function RunStatusLine({ id }: { id: string }) {
  const status = useEditor((s) => s.runStatus[id]);
  if (!status) return null;
  return (
    <div className={cn("mt-2 rounded px-2 py-1 text-[11px]", toneClass[status.tone])} data-testid="node-run-status">
      <span className="font-medium">{status.status}</span>
      {status.detail && (
        <span className="block truncate font-mono" title={status.detail}>
          {status.detail}
        </span>
      )}
    </div>
  );
}

function ProblemCount({ id }: { id: string }) {
  const problems = useEditor((s) => s.problemsByNode[id] ?? EMPTY);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return null;
  return (
    <div
      className="mt-2 flex flex-wrap gap-1.5"
      data-testid="node-problems"
      title={problems.map((p) => p.message).join("\n")}
    >
      {errors > 0 && (
        <span className="inline-flex items-center gap-1 text-[11px] text-destructive">
          <CircleAlert className="size-3" aria-hidden />
          {errors} error{errors === 1 ? "" : "s"}
        </span>
      )}
      {warnings > 0 && (
        <span className="inline-flex items-center gap-1 text-[11px] text-warning-foreground dark:text-warning">
          <TriangleAlert className="size-3" aria-hidden />
          {warnings} warning{warnings === 1 ? "" : "s"}
        </span>
      )}
    </div>
  );
}

const shell = "w-64 max-w-full rounded-lg border bg-card p-3 text-left text-card-foreground shadow-sm";
const selectedRing = "ring-2 ring-primary";

export function TriggerCard({ selected }: { selected?: boolean }) {
  const trigger = useEditor((s) => s.doc.trigger);
  const rules = trigger.conditions?.rules ?? [];
  return (
    <div className={cn(shell, "border-primary/40", selected && selectedRing)} data-testid="node-trigger">
      <div className="flex items-center gap-2 text-xs text-muted-foreground">
        <Zap className="size-3.5 text-primary" aria-hidden />
        Trigger
      </div>
      <div className="mt-1 font-medium">{workflowTriggers[trigger.type].title}</div>
      <div className="mt-1 text-xs text-muted-foreground">
        {rules.length === 0
          ? "Every event"
          : rules.slice(0, 3).map((r, i) => (
              <div key={i} className="truncate">
                {i > 0 && `${trigger.conditions?.mode ?? "all"} · `}
                <span className="font-mono">{r.field || "?"}</span> {ruleOpLabels[r.op]}{" "}
                {r.value !== undefined && <span className="font-mono">{JSON.stringify(r.value)}</span>}
              </div>
            ))}
        {rules.length > 3 && <div>+{rules.length - 3} more</div>}
      </div>
      <ProblemCount id="trigger" />
      <RunStatusLine id="trigger" />
    </div>
  );
}

export function StepCard({ stepId, selected }: { stepId: string; selected?: boolean }) {
  const step = useEditor((s) => s.doc.steps.find((x) => x.id === stepId));
  if (!step) return null;
  if (step.kind === "condition") {
    const rules = step.conditions.rules ?? [];
    return (
      <div className={cn(shell, "border-dashed", selected && selectedRing)} data-testid={`node-${stepId}`}>
        <div className="flex items-center gap-2 text-xs text-muted-foreground">
          <GitBranch className="size-3.5" aria-hidden />
          Condition · {step.name ?? step.id}
        </div>
        <div className="mt-1 text-xs">
          {rules.length === 0
            ? "Always continues"
            : `${rules.length} rule${rules.length === 1 ? "" : "s"} (${step.conditions.mode ?? "all"})`}
        </div>
        <ProblemCount id={stepId} />
        <RunStatusLine id={stepId} />
      </div>
    );
  }
  const op = operationOf(step.operationId);
  const approval = step.approval ?? (op?.risk === "destructive" ? "required" : "auto");
  return (
    <div className={cn(shell, selected && selectedRing)} data-testid={`node-${stepId}`}>
      <div className="flex min-w-0 items-center gap-2">
        {op && <MethodLabel method={op.method} className="w-auto" />}
        <span className="truncate text-xs text-muted-foreground">{step.name ?? step.id}</span>
      </div>
      <div className="mt-1 font-medium break-words">{op?.title ?? step.operationId}</div>
      <div className="mt-2 flex flex-wrap gap-1.5">
        {op && <RiskBadge risk={op.risk} />}
        {approval === "required" ? (
          <Badge variant="outline" data-testid="approval-badge">
            <Hand aria-hidden />
            needs approval
            {step.approvalPolicy?.approvers === 2 ||
            (op?.risk === "destructive" && step.approvalPolicy?.approvers !== 1)
              ? " ×2"
              : ""}
          </Badge>
        ) : (
          <Badge variant="outline" data-testid="approval-badge">
            auto
          </Badge>
        )}
      </div>
      <ProblemCount id={stepId} />
      <RunStatusLine id={stepId} />
    </div>
  );
}
