import { operations, type OperationId } from "../postmark";
import { workflowTriggers, type WorkflowTriggerId } from "./triggers";
import exampleResponses from "../postmark/fixtures/example-responses.json";
import { getPath, listFields, normalizePath, parsePath, type FieldInfo, type FieldType } from "./paths";
import { shapeOf, type Shape } from "./zod-shape";

// Metadata is free-form on every Postmark object, even where a schema lists sample keys.
const openKeys = new Set(["metadata", "templatemodel"]);

/** Flattens a zod shape into picker fields; `[0]` stands for any array element. */
export function shapeFields(shape: Shape, prefix = ""): FieldInfo[] {
  const out: FieldInfo[] = [];
  const visit = (s: Shape, path: string, depth: number) => {
    const key = path.split(/[.[]/).pop()?.toLowerCase() ?? "";
    const open = s.open || openKeys.has(key);
    if (path !== "") {
      const info: FieldInfo = {
        path,
        type: s.type,
        ...(open ? { open } : {}),
        ...(s.nullable ? { nullable: true } : {}),
        ...(s.optional ? { optional: true } : {}),
      };
      out.push(info);
    }
    if (depth > 10) return;
    if (s.type === "object" && s.fields) {
      for (const [k, child] of Object.entries(s.fields)) visit(child, path === "" ? k : `${path}.${k}`, depth + 1);
    } else if (s.type === "array" && s.element) {
      visit(s.element, `${path}[0]`, depth + 1);
    }
  };
  visit(shape, prefix, 0);
  return out;
}

/** Merges schema-derived and sample-derived fields: schema types win, samples add examples and extra keys. */
function mergeFields(fromSchema: FieldInfo[], fromSample: FieldInfo[]): FieldInfo[] {
  const byPath = new Map<string, FieldInfo>();
  for (const f of fromSchema) byPath.set(f.path, f);
  for (const f of fromSample) {
    const known = byPath.get(f.path);
    if (known)
      byPath.set(f.path, { ...known, example: f.example, type: known.type === "unknown" ? f.type : known.type });
    else byPath.set(f.path, openKeys.has(f.path.toLowerCase()) ? { ...f, open: true } : f);
  }
  return [...byPath.values()];
}

/** Fields of a trigger's payload: the example event, the payload schema and the documented field notes. */
export function fieldsForTrigger(triggerId: WorkflowTriggerId): FieldInfo[] {
  const spec = workflowTriggers[triggerId];
  const merged = mergeFields(shapeFields(shapeOf(spec.payload)), listFields(spec.example));
  const notes = new Map(spec.fields.map((f) => [f.name, f.notes]));
  return merged.map((f) => (notes.get(f.path) ? { ...f, notes: notes.get(f.path) } : f));
}

const fixtures = exampleResponses as Record<string, unknown>;

/** Postmark's documented example answer for an operation (used by dry runs and previews). */
export function exampleResponse(operationId: OperationId): unknown {
  return fixtures[operationId];
}

/** Fields of an operation's response, typed from its zod schema, with example values. */
export function fieldsForStepResponse(operationId: OperationId): FieldInfo[] {
  const op = operations[operationId];
  const example = exampleResponse(operationId);
  return shapeFields(shapeOf(op.response)).map((f) => {
    const value = getPath(example, f.path);
    return value === undefined ? f : { ...f, example: value };
  });
}

export type FieldCheck =
  | { status: "known"; type: FieldType }
  | { status: "open" }
  | { status: "unknown" }
  | { status: "invalid"; message: string };

/** Whether data described by `fields` can have `path`: a listed field, under an open one, or not at all. */
export function checkField(fields: FieldInfo[], path: string): FieldCheck {
  const parsed = parsePath(path);
  if (!parsed.ok) return { status: "invalid", message: parsed.message };
  if (parsed.segments.length === 0) return { status: "known", type: "object" };
  const wildcard = parsed.segments.some((s) => "all" in s);
  const byPath = new Map<string, FieldInfo>();
  for (const f of fields) {
    const p = parsePath(f.path);
    if (p.ok) byPath.set(normalizePath(p.segments), f);
  }
  const exact = byPath.get(normalizePath(parsed.segments));
  if (exact) return wildcard ? { status: "known", type: "array" } : { status: "known", type: exact.type };
  // The nearest listed ancestor decides: open ones (Metadata, records) allow any deeper key.
  for (let n = parsed.segments.length - 1; n > 0; n--) {
    const prefix = byPath.get(normalizePath(parsed.segments.slice(0, n)));
    if (prefix) return prefix.open || prefix.type === "unknown" ? { status: "open" } : { status: "unknown" };
  }
  return { status: "unknown" };
}
