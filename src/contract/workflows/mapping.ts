import { lookupPath } from "./paths";
import { isMapping, isTemplate, sourceStepId, type MapSource, type ParamValue, type Transform } from "./schema";
import { parseTemplate } from "./template-syntax";
import { applyTransforms } from "./transforms";

export { applyTransform, applyTransforms } from "./transforms";

/** What mappings read: the event that started the run and the responses of steps that have run. */
export interface MappingContext {
  trigger: unknown;
  steps: Record<string, unknown>;
}

export interface MappingProblem {
  /** Where in the parameter tree, e.g. `Suppressions[0].EmailAddress`; "" for the root. */
  at: string;
  kind: "unresolved" | "transform" | "syntax";
  message: string;
}

export interface Resolved {
  value: unknown;
  problems: MappingProblem[];
}

function sourceValue(from: MapSource, context: MappingContext): { found: boolean; value: unknown; message?: string } {
  const id = sourceStepId(from);
  if (id === null) return { found: true, value: context.trigger };
  if (!Object.prototype.hasOwnProperty.call(context.steps, id))
    return {
      found: false,
      value: undefined,
      message: `Step "${id}" has no response (it has not run yet, or it does not exist)`,
    };
  return { found: true, value: context.steps[id] };
}

/** Reads one reference and applies its transforms. A missing value is a problem unless a `default` covers it. */
export function resolveReference(
  ref: { from: MapSource; path: string; transforms?: readonly Transform[] },
  context: MappingContext,
  at = "",
): Resolved {
  const label = `${ref.from}${ref.path ? `.${ref.path}` : ""}`;
  const source = sourceValue(ref.from, context);
  const hasDefault = (ref.transforms ?? []).some((t) => t.type === "default");
  const problems: MappingProblem[] = [];
  let value: unknown = undefined;
  if (!source.found) {
    if (!hasDefault) problems.push({ at, kind: "unresolved", message: source.message! });
  } else {
    const hit = lookupPath(source.value, ref.path);
    if (hit.error) return { value: undefined, problems: [{ at, kind: "syntax", message: hit.error }] };
    if (!hit.found && !hasDefault) problems.push({ at, kind: "unresolved", message: `${label} is missing` });
    value = hit.value;
  }
  const result = applyTransforms(value, ref.transforms);
  if (!result.ok)
    return {
      value: undefined,
      problems: [...problems, { at, kind: "transform", message: `${label}: ${result.message}` }],
    };
  return { value: result.value, problems };
}

function interpolate(text: string, context: MappingContext, at: string): Resolved {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return { value: undefined, problems: [{ at, kind: "syntax", message: parsed.message }] };
  const problems: MappingProblem[] = [];
  let out = "";
  for (const part of parsed.parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const r = resolveReference(part, context, at);
    problems.push(...r.problems);
    if (r.value === undefined || r.value === null) continue;
    out += typeof r.value === "object" ? JSON.stringify(r.value) : String(r.value);
  }
  return { value: out, problems };
}

const join = (at: string, key: string | number) =>
  typeof key === "number" ? `${at}[${key}]` : at === "" ? key : `${at}.${key}`;

/**
 * Resolves a parameter tree to plain JSON. Literals pass unchanged; a mapping that cannot resolve
 * is left out of its object (or null in a list) and reported, so one run can show every problem.
 */
export function resolveParams(tree: ParamValue | undefined, context: MappingContext, at = ""): Resolved {
  if (tree === undefined) return { value: undefined, problems: [] };
  if (isMapping(tree)) return resolveReference(tree.$map, context, at);
  if (isTemplate(tree)) return interpolate(tree.$template, context, at);
  if (Array.isArray(tree)) {
    const problems: MappingProblem[] = [];
    const value = tree.map((item, i) => {
      const r = resolveParams(item, context, join(at, i));
      problems.push(...r.problems);
      return r.value === undefined ? null : r.value;
    });
    return { value, problems };
  }
  if (typeof tree === "object" && tree !== null) {
    const problems: MappingProblem[] = [];
    const value: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(tree)) {
      const r = resolveParams(child, context, join(at, key));
      problems.push(...r.problems);
      if (r.value !== undefined) value[key] = r.value;
    }
    return { value, problems };
  }
  return { value: tree, problems: [] };
}
