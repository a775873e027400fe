import { operations } from "../postmark";
import { checkField } from "./fields";
import { formatIssuePath, hasErrors, type Problem } from "./problems";
import { checkReference, collectReferences, sourceFields, type ReferenceScope } from "./references";
import { checkSection } from "./request-check";
import { workflowDocument, type ActionStep, type ConditionRule, type Step, type WorkflowDocument } from "./schema";

export { defaultApproval } from "./schema";

export interface ValidationResult {
  ok: boolean;
  problems: Problem[];
  /** The parsed document (defaults filled) when its shape is valid, even if other problems remain. */
  document?: WorkflowDocument;
}

function schemaProblems(input: unknown, issues: readonly { path: PropertyKey[]; message: string }[]): Problem[] {
  const steps = (input as { steps?: unknown } | null)?.steps;
  return issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    const step =
      head === "steps" && typeof index === "number" && Array.isArray(steps)
        ? (steps[index] as { id?: unknown } | undefined)
        : undefined;
    if (step && typeof step.id === "string") {
      return { stepId: step.id, field: formatIssuePath(rest) || undefined, severity: "error", message: issue.message };
    }
    return { field: formatIssuePath(issue.path) || undefined, severity: "error", message: issue.message };
  });
}

function checkRules(
  rules: readonly ConditionRule[],
  scope: ReferenceScope,
  where: string,
  stepId: string | undefined,
): Problem[] {
  const out: Problem[] = [];
  const owner = stepId === undefined ? {} : { stepId };
  rules.forEach((rule, i) => {
    const field = `${where}.rules[${i}].field`;
    const from = rule.from ?? "trigger";
    if (stepId === undefined && from !== "trigger") {
      out.push({ field, severity: "error", message: "Trigger conditions can only read the event" });
      return;
    }
    const fields = sourceFields(from, scope);
    if (typeof fields === "string") {
      out.push({ ...owner, field, severity: "error", message: `Condition ${fields}` });
      return;
    }
    const check = checkField(fields, rule.field);
    if (check.status === "invalid") out.push({ ...owner, field, severity: "error", message: check.message });
    // A warning only: payloads are loose and Postmark adds fields over time.
    if (check.status === "unknown")
      out.push({
        ...owner,
        field,
        severity: "warning",
        message: `${from} has no known field "${rule.field}"; this rule may never match`,
      });
  });
  return out;
}

function checkAction(step: ActionStep, scope: ReferenceScope): Problem[] {
  const op = operations[step.operationId];
  const found: Omit<Problem, "stepId">[] = [];
  const types = new Map<object, ReturnType<typeof checkReference>["type"]>();
  for (const section of ["params", "query", "body"] as const) {
    const { refs, errors } = collectReferences(step[section], section);
    for (const e of errors) found.push({ field: e.at, severity: "error", message: e.message });
    for (const { ref, at } of refs) {
      const r = checkReference(ref, scope, at);
      types.set(ref, r.type);
      found.push(...r.problems);
    }
  }
  const typer = (m: { $map: object }) => types.get(m.$map) ?? "unknown";
  found.push(...checkSection("params" in op ? op.params : undefined, step.params, "params", typer));
  found.push(...checkSection("query" in op ? op.query : undefined, step.query, "query", typer));
  found.push(...checkSection("body" in op ? op.body : undefined, step.body, "body", typer));
  if (op.risk === "destructive" && step.approval === "auto") {
    found.push({
      field: "approval",
      severity: "warning",
      message: `${op.title} is destructive and runs without approval`,
    });
  }
  if (op.token === "account" && step.serverId !== undefined) {
    found.push({
      field: "serverId",
      severity: "warning",
      message: `${op.title} uses the account token; serverId is ignored`,
    });
  }
  return found.map((p) => ({ stepId: step.id, ...p }));
}

function checkStep(step: Step, scope: ReferenceScope): Problem[] {
  if (step.kind === "condition") return checkRules(step.conditions.rules, scope, "conditions", step.id);
  return checkAction(step, scope);
}

/** Checks a document: its shape, then each step against the catalog, its mappings and its approval policy. */
export function validateWorkflow(input: unknown): ValidationResult {
  const parsed = workflowDocument.safeParse(input);
  if (!parsed.success) return { ok: false, problems: schemaProblems(input, parsed.error.issues) };
  const doc = parsed.data;
  const problems: Problem[] = [];
  const base = { trigger: doc.trigger.type, steps: doc.steps };
  problems.push(...checkRules(doc.trigger.conditions.rules, { ...base, index: -1 }, "trigger.conditions", undefined));
  doc.steps.forEach((step, index) => problems.push(...checkStep(step, { ...base, index })));
  if (!doc.steps.some((s) => s.kind === "action"))
    problems.push({
      field: "steps",
      severity: "warning",
      message: "The workflow has no action step, so it does nothing",
    });
  return { ok: !hasErrors(problems), problems, document: doc };
}
