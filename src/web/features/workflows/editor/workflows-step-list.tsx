import { ArrowDown } from "lucide-react";
import { Fragment } from "react";
import { useEditor, useEditorStore } from "./editor-context";
import { StepCard, TriggerCard } from "./workflows-node-card";

/** The steps as a vertical list: the phone's view of the canvas (same cards, no free layout). */
export function WorkflowsStepList() {
  const store = useEditorStore();
  const ids = useEditor((s) => s.doc.steps.map((x) => x.id).join("\n"));
  const selected = useEditor((s) => s.selected);
  const stepIds = ids ? ids.split("\n") : [];
  return (
    <ol className="flex flex-col items-stretch gap-1" data-testid="step-list" aria-label="Steps">
      <li>
        <button
          type="button"
          className="block w-full [&>div]:w-full"
          onClick={() => store.select("trigger")}
          aria-label="Edit trigger"
        >
          <TriggerCard selected={selected === "trigger"} />
        </button>
      </li>
      {stepIds.map((id) => (
        <Fragment key={id}>
          <li aria-hidden className="flex justify-center text-muted-foreground">
            <ArrowDown className="size-4" />
          </li>
          <li>
            <button
              type="button"
              className="block w-full [&>div]:w-full"
              onClick={() => store.select(id)}
              aria-label={`Edit step ${id}`}
            >
              <StepCard stepId={id} selected={selected === id} />
            </button>
          </li>
        </Fragment>
      ))}
    </ol>
  );
}
