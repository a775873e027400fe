import { operations } from "../postmark";
import type { WorkflowTriggerId } from "./trigger-ids";
import { checkField, fieldsForStepResponse, fieldsForTrigger } from "./fields";
import type { FieldInfo, FieldType } from "./paths";
import type { Problem } from "./problems";
import {
  isMapping,
  isTemplate,
  sourceStepId,
  type MapSource,
  type ParamValue,
  type Step,
  type Transform,
} from "./schema";
import { parseTemplate } from "./template-syntax";
import { transformAccepts, transformedType } from "./transforms";

export interface Reference {
  from: MapSource;
  path: string;
  transforms?: readonly Transform[];
}

/** What a step can see: the trigger and the steps before it. */
export interface ReferenceScope {
  trigger: WorkflowTriggerId;
  steps: readonly Step[];
  /** Index of the step doing the reading; steps at or after it are not available yet. */
  index: number;
}

const fieldCache = new Map<string, FieldInfo[]>();
function cached(key: string, make: () => FieldInfo[]): FieldInfo[] {
  let fields = fieldCache.get(key);
  if (!fields) fieldCache.set(key, (fields = make()));
  return fields;
}

/** The fields a source offers, or a reason it offers none. */
export function sourceFields(from: MapSource, scope: ReferenceScope): FieldInfo[] | string {
  const id = sourceStepId(from);
  if (id === null) return cached(`trigger:${scope.trigger}`, () => fieldsForTrigger(scope.trigger));
  const at = scope.steps.findIndex((s) => s.id === id);
  if (at < 0) return `refers to unknown step "${id}"`;
  if (at >= scope.index)
    return at === scope.index ? `refers to its own response` : `refers to step "${id}", which runs later`;
  const step = scope.steps[at]!;
  if (step.kind !== "action") return `refers to condition step "${id}", which has no response`;
  if (!(step.operationId in operations)) return `refers to step "${id}", whose operation is unknown`;
  return cached(`op:${step.operationId}`, () => fieldsForStepResponse(step.operationId));
}

/** Checks one reference and says what type it yields (unknown when it cannot tell). */
export function checkReference(
  ref: Reference,
  scope: ReferenceScope,
  field: string | undefined,
): { type: FieldType; problems: Omit<Problem, "stepId">[] } {
  const fields = sourceFields(ref.from, scope);
  const label = `${ref.from}${ref.path ? `.${ref.path}` : ""}`;
  if (typeof fields === "string")
    return { type: "unknown", problems: [{ field, severity: "error", message: `Mapping ${fields}` }] };
  const check = checkField(fields, ref.path);
  const problems: Omit<Problem, "stepId">[] = [];
  let type: FieldType = "unknown";
  if (check.status === "invalid") return { type, problems: [{ field, severity: "error", message: check.message }] };
  if (check.status === "unknown") {
    const hasDefault = (ref.transforms ?? []).some((t) => t.type === "default");
    const where = ref.from === "trigger" ? `the ${scope.trigger} event` : `the response of ${ref.from.slice(5)}`;
    problems.push({
      field,
      severity: hasDefault ? "warning" : "error",
      message: `${label}: ${where} has no field "${ref.path}"`,
    });
  }
  if (check.status === "known") type = check.type;
  for (const t of ref.transforms ?? []) {
    if (!transformAccepts(t, type))
      problems.push({ field, severity: "warning", message: `${label}: ${t.type} does not work on ${type} values` });
    type = transformedType(type, [t]);
  }
  return { type, problems };
}

const join = (at: string, key: string | number) =>
  typeof key === "number" ? `${at}[${key}]` : at === "" ? key : `${at}.${key}`;

/** Every mapping and template placeholder in a tree, with where it sits; template syntax errors too. */
export function collectReferences(
  tree: ParamValue | undefined,
  at: string,
): { refs: { ref: Reference; at: string }[]; errors: { at: string; message: string }[] } {
  const refs: { ref: Reference; at: string }[] = [];
  const errors: { at: string; message: string }[] = [];
  const visit = (node: ParamValue | undefined, where: string) => {
    if (node === undefined || node === null || typeof node !== "object") return;
    if (isMapping(node)) refs.push({ ref: node.$map, at: where });
    else if (isTemplate(node)) {
      const parsed = parseTemplate(node.$template);
      if (!parsed.ok) errors.push({ at: where, message: parsed.message });
      else for (const part of parsed.parts) if (typeof part !== "string") refs.push({ ref: part, at: where });
    } else if (Array.isArray(node)) node.forEach((item, i) => visit(item, join(where, i)));
    else for (const [k, v] of Object.entries(node)) visit(v, join(where, k));
  };
  visit(tree, at);
  return { refs, errors };
}
