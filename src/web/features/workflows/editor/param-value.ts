import { workflowTriggers } from "@/contract/workflows/triggers";
import {
  exampleResponse,
  fieldsForStepResponse,
  fieldsForTrigger,
  isMapping,
  isTemplate,
  resolveParams,
  type FieldInfo,
  type Mapping,
  type MappingContext,
  type MapSource,
  type ParamValue,
  type WorkflowDocumentInput,
} from "@/contract/workflows";
import type { FieldValue } from "@/web/lib/operation-request";
import type { FormField } from "@/web/lib/zod-fields";
import { operationOf } from "./doc-edits";

export type ValueMode = "value" | "mapping" | "template";

export function modeOf(value: ParamValue | undefined): ValueMode {
  if (isMapping(value) || unwrapListItem(value)) return "mapping";
  if (isTemplate(value)) return "template";
  return "value";
}

/** A literal as the generated form control shows it. */
export function literalToField(field: FormField, value: ParamValue | undefined): FieldValue {
  if (value === undefined || value === null) return undefined;
  if (field.kind === "boolean") return typeof value === "boolean" ? value : value === "true";
  if (field.kind === "json") return JSON.stringify(value, null, 2);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** What the form control holds, as the literal the document stores; bad JSON is kept out, with a message. */
export function fieldToLiteral(
  field: FormField,
  input: FieldValue,
): { ok: true; value: ParamValue | undefined } | { ok: false; message: string } {
  if (input === undefined || input === "") return { ok: true, value: undefined };
  if (typeof input === "boolean") return { ok: true, value: input };
  if (field.kind === "number") {
    const n = Number(input);
    // Text that is not a number stays text, so validation can name it rather than lose it.
    return { ok: true, value: input.trim() !== "" && Number.isFinite(n) ? n : input };
  }
  if (field.kind === "json") {
    try {
      return { ok: true, value: JSON.parse(input) as ParamValue };
    } catch (e) {
      return { ok: false, message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, value: input };
}

/** What a mapping or template gives on the sample data: the value, or why it gives nothing. */
export function previewValue(
  value: ParamValue | undefined,
  context: MappingContext,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const r = resolveParams(value, context);
  if (r.problems.length > 0) return { ok: false, message: r.problems.map((p) => p.message).join("; ") };
  return { ok: true, value: r.value };
}

/** One place the data picker reads from: the event, or an earlier action step's answer. */
export interface DataSource {
  from: MapSource;
  label: string;
  fields: FieldInfo[];
}

/** The event and the answers of the action steps before `stepId` (all steps when null). */
export function dataSources(doc: WorkflowDocumentInput, stepId: string | null): DataSource[] {
  const out: DataSource[] = [
    {
      from: "trigger",
      label: `Event · ${workflowTriggers[doc.trigger.type].title}`,
      fields: fieldsForTrigger(doc.trigger.type),
    },
  ];
  for (const step of doc.steps) {
    if (step.id === stepId) break;
    if (step.kind !== "action") continue;
    const op = operationOf(step.operationId);
    if (!op) continue;
    out.push({
      from: `step:${step.id}`,
      label: `${step.name ?? step.id} · ${op.title}`,
      fields: fieldsForStepResponse(op.id),
    });
  }
  return out;
}

/** Sample data for previews: the event sample and each earlier step's documented example answer. */
export function sampleContext(doc: WorkflowDocumentInput, sample: Record<string, unknown> | null): MappingContext {
  const steps: Record<string, unknown> = {};
  for (const step of doc.steps)
    if (step.kind === "action" && operationOf(step.operationId)) steps[step.id] = exampleResponse(step.operationId);
  return { trigger: sample ?? workflowTriggers[doc.trigger.type].example, steps };
}

export function describeMapping(from: MapSource, path: string): string {
  const source = from === "trigger" ? "Event" : from.slice("step:".length);
  return path ? `${source} · ${path}` : `${source} (whole)`;
}

export function formatPreview(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** How a picked value fills a list parameter: as its only item, under `key` when items are objects. */
export interface ListWrap {
  key?: string;
}

/** `[mapping]` or `[{ key: mapping }]`: one event field given to a parameter that takes a list. */
export function wrapAsListItem(mapping: Mapping, wrap: ListWrap): ParamValue {
  return [wrap.key ? { [wrap.key]: mapping } : mapping];
}

/** The mapping inside a one-item list built by `wrapAsListItem`, or null for any other value. */
export function unwrapListItem(value: ParamValue | undefined): { mapping: Mapping; wrap: ListWrap } | null {
  if (!Array.isArray(value) || value.length !== 1) return null;
  const item = value[0];
  if (isMapping(item)) return { mapping: item, wrap: {} };
  if (item && typeof item === "object" && !Array.isArray(item) && !isTemplate(item)) {
    const entries = Object.entries(item);
    if (entries.length === 1 && isMapping(entries[0]![1]))
      return { mapping: entries[0]![1], wrap: { key: entries[0]![0] } };
  }
  return null;
}

/** The key a one-item list of objects puts the value under: the only required key, else the first one. */
export function defaultListKey(
  item: { kind: "value" } | { kind: "object"; keys: string[]; required: string[] } | undefined,
): string | undefined {
  if (!item || item.kind === "value") return undefined;
  return item.required[0] ?? item.keys[0];
}
