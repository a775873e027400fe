/** One finding about a workflow document, shown on the node (stepId) and in the problem list. */
export interface Problem {
  /** The step it concerns; absent for the trigger and the document as a whole. */
  stepId?: string;
  /** Where inside the step or document: `body.To`, `params.bounceid`, `trigger.conditions.rules[0].field`. */
  field?: string;
  severity: "error" | "warning";
  message: string;
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");

/** `["steps", 0, "body", "To"]` → `steps[0].body.To`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}
