import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { workflowTriggerIds, workflowTriggers, type WorkflowTriggerId } from "@/contract/workflows/triggers";
import { fieldsForStepResponse, fieldsForTrigger, type ConditionsInput, type Problem } from "@/contract/workflows";
import { Button } from "@/web/components/ui/button";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { useEditor, useEditorStore } from "./editor-context";
import { moveStep, operationOf, removeStep, setTrigger, updateStep } from "./doc-edits";
import { WorkflowsActionForm } from "./workflows-action-form";
import { WorkflowsRulesEditor, type RuleSource } from "./workflows-rules-editor";
import { WorkflowsTriggerScope } from "./workflows-trigger-scope";

const EMPTY: Problem[] = [];

function NodeProblems({ id }: { id: string }) {
  const problems = useEditor((s) => s.problemsByNode[id] ?? EMPTY);
  if (problems.length === 0) return null;
  return (
    <ul
      className="flex flex-col gap-1 rounded-md border border-destructive/30 bg-destructive/5 p-2 text-xs"
      aria-label="Problems of this node"
    >
      {problems.map((p, i) => (
        <li
          key={i}
          className={p.severity === "error" ? "text-destructive" : "text-warning-foreground dark:text-warning"}
        >
          {p.field && <span className="font-mono">{p.field}: </span>}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

function TriggerForm() {
  const store = useEditorStore();
  const trigger = useEditor((s) => s.doc.trigger);
  const sources: RuleSource[] = useMemo(
    () => [{ from: "trigger", label: "Event", fields: fieldsForTrigger(trigger.type) }],
    [trigger.type],
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor="trigger-type">When {trigger.type === "alert" ? "Mailroom" : "Postmark"} reports</Label>
        <Select value={trigger.type} onValueChange={(t) => store.update((d) => setTrigger(d, t as WorkflowTriggerId))}>
          <SelectTrigger id="trigger-type">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {workflowTriggerIds.map((t) => (
              <SelectItem key={t} value={t}>
                {workflowTriggers[t].title}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <p className="text-xs text-muted-foreground">{workflowTriggers[trigger.type].description}</p>
      </div>
      {(trigger.conditions?.rules?.length ?? 0) === 0 && <WorkflowsTriggerScope trigger={trigger.type} />}
      <WorkflowsRulesEditor
        id="trigger"
        conditions={trigger.conditions ?? { mode: "all", rules: [] }}
        sources={sources}
        onChange={(conditions) =>
          store.update((d) => ({ ...d, trigger: { ...d.trigger, conditions } }), "trigger.conditions")
        }
      />
    </div>
  );
}

function ConditionForm({ stepId, conditions }: { stepId: string; conditions: ConditionsInput }) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const sources: RuleSource[] = useMemo(() => {
    const out: RuleSource[] = [{ from: "trigger", label: "Event", fields: fieldsForTrigger(doc.trigger.type) }];
    for (const s of doc.steps) {
      if (s.id === stepId) break;
      if (s.kind === "action" && operationOf(s.operationId))
        out.push({
          from: `step:${s.id}`,
          label: `Answer of ${s.name ?? s.id}`,
          fields: fieldsForStepResponse(s.operationId),
        });
    }
    return out;
  }, [doc, stepId]);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-muted-foreground">
        When these do not hold, the run ends quietly here and later steps are skipped.
      </p>
      <WorkflowsRulesEditor
        id={stepId}
        conditions={conditions}
        sources={sources}
        onChange={(c) =>
          store.update(
            (d) => updateStep(d, stepId, (s) => (s.kind === "condition" ? { ...s, conditions: c } : s)),
            `${stepId}:conditions`,
          )
        }
      />
    </div>
  );
}

/** The selected node's editor; on a phone it fills the screen. */
export function WorkflowsSidePanel({ nodeId }: { nodeId: string }) {
  const store = useEditorStore();
  const step = useEditor((s) => s.doc.steps.find((x) => x.id === nodeId));
  const index = useEditor((s) => s.doc.steps.findIndex((x) => x.id === nodeId));
  const count = useEditor((s) => s.doc.steps.length);
  if (nodeId === "trigger") {
    return (
      <div className="flex flex-col gap-4" data-testid="side-panel">
        <h2 className="font-semibold">Trigger</h2>
        <NodeProblems id="trigger" />
        <TriggerForm />
      </div>
    );
  }
  if (!step) return null;
  const op = step.kind === "action" ? operationOf(step.operationId) : undefined;
  return (
    <div className="flex flex-col gap-4" data-testid="side-panel">
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 font-semibold break-words">
          {step.kind === "condition" ? "Condition" : (op?.title ?? step.operationId)}
        </h2>
        <div className="flex shrink-0 gap-1">
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8"
            aria-label="Move step up"
            disabled={index <= 0}
            onClick={() => store.update((d) => moveStep(d, nodeId, -1))}
          >
            <ArrowUp />
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8"
            aria-label="Move step down"
            disabled={index >= count - 1}
            onClick={() => store.update((d) => moveStep(d, nodeId, 1))}
          >
            <ArrowDown />
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-8 text-destructive"
            aria-label="Remove step"
            onClick={() => store.update((d) => removeStep(d, nodeId))}
          >
            <Trash2 />
          </Button>
        </div>
      </div>
      <NodeProblems id={nodeId} />
      {step.kind === "condition" ? (
        <ConditionForm stepId={step.id} conditions={step.conditions} />
      ) : op ? (
        <WorkflowsActionForm key={step.id} step={step} op={op} />
      ) : (
        <p className="text-sm text-destructive">Unknown operation {step.operationId}.</p>
      )}
    </div>
  );
}
