import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import { useEditor, useEditorStore } from "./editor-context";

/** Every problem of the document; choosing one selects its node. */
export function WorkflowsProblems() {
  const store = useEditorStore();
  const problems = useEditor((s) => s.validation.problems);
  if (problems.length === 0) {
    return (
      <p className="flex items-center gap-2 px-3 py-2 text-sm text-muted-foreground" data-testid="problems">
        <CircleCheck className="size-4 text-success" aria-hidden />
        No problems.
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y text-sm" data-testid="problems" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i}>
          <button
            type="button"
            className="flex w-full min-w-0 items-start gap-2 px-3 py-1.5 text-left hover:bg-accent"
            onClick={() => store.select(p.stepId ?? "trigger")}
          >
            {p.severity === "error" ? (
              <CircleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-label="Error" />
            ) : (
              <TriangleAlert
                className="mt-0.5 size-4 shrink-0 text-warning-foreground dark:text-warning"
                aria-label="Warning"
              />
            )}
            <span className="min-w-0 break-words">
              <span className="font-mono text-xs text-muted-foreground">
                {p.stepId ?? "workflow"}
                {p.field ? ` · ${p.field}` : ""}
              </span>{" "}
              {p.message}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
