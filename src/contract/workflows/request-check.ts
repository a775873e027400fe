import type { z } from "zod";
import type { FieldType } from "./paths";
import type { Problem } from "./problems";
import { formatIssuePath } from "./problems";
import { isMapping, isTemplate, type Mapping, type ParamValue } from "./schema";
import { shapeOf, type Shape } from "./zod-shape";

type Finding = Omit<Problem, "stepId">;
/** Tells the checker what type a mapping yields (from the reference checks). */
export type MappingTyper = (mapping: Mapping) => FieldType;

const join = (at: string, key: string | number) =>
  typeof key === "number" ? `${at}[${key}]` : at === "" ? key : `${at}.${key}`;

function isDynamic(value: ParamValue): boolean {
  if (value === null || typeof value !== "object") return false;
  if (isMapping(value) || isTemplate(value)) return true;
  return Array.isArray(value) ? value.some(isDynamic) : Object.values(value).some(isDynamic);
}

const typeOfLiteral = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`;

/** Whether a mapped value of `source` type fits a field of `target` shape; a hint when not. */
function compatibility(source: FieldType, target: Shape): string | null {
  if (source === "unknown" || target.type === "unknown" || source === "null") return null;
  if (source === target.type) return null;
  if (target.type === "number" && source === "string")
    return target.coerce ? null : "maps text into a number field (add toNumber)";
  if (target.type === "boolean" && source === "string" && target.coerce) return null;
  if (target.type === "string" && (source === "number" || source === "boolean"))
    return `maps a ${source} into a text field (add toString)`;
  return `maps ${source === "array" ? "a list" : `a ${source}`} into a ${target.type === "array" ? "list" : target.type} field`;
}

function literalIssues(shape: Shape, value: unknown, at: string): Finding[] {
  const result = (shape.schema as z.ZodType).safeParse(value);
  if (result.success) return [];
  return result.error.issues.slice(0, 3).map((issue) => {
    const where = [at, formatIssuePath(issue.path)]
      .filter(Boolean)
      .join(issue.path.length && typeof issue.path[0] === "number" ? "" : ".");
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    return {
      field: where,
      severity: "error" as const,
      message: missing ? `Missing required field ${where}` : `${where}: ${issue.message}`,
    };
  });
}

/** Walks a parameter tree against an operation's zod shape: required fields, literal types, mapped types. */
export function checkAgainstShape(
  shape: Shape,
  value: ParamValue | undefined,
  at: string,
  typer: MappingTyper,
): Finding[] {
  if (value === undefined) {
    if (shape.optional) return [];
    // An absent object is checked as {} so that each missing required field is named.
    if (shape.type === "object" && shape.fields && !shape.open) return checkAgainstShape(shape, {}, at, typer);
    return [{ field: at, severity: "error", message: `Missing required field ${at}` }];
  }
  if (value === null) {
    return shape.nullable || shape.type === "null" || shape.type === "unknown"
      ? []
      : [{ field: at, severity: "error", message: `${at} cannot be null` }];
  }
  if (isMapping(value)) {
    const hint = compatibility(typer(value), shape);
    return hint ? [{ field: at, severity: "warning", message: `${at} ${hint}` }] : [];
  }
  if (isTemplate(value)) {
    const hint = compatibility("string", shape);
    return hint ? [{ field: at, severity: "warning", message: `${at}: a template makes text; ${hint}` }] : [];
  }
  if (shape.type === "object" && shape.fields && !shape.open) {
    if (typeof value !== "object" || Array.isArray(value))
      return [{ field: at, severity: "error", message: `${at} must be an object, not ${typeOfLiteral(value)}` }];
    const out: Finding[] = [];
    for (const [key, child] of Object.entries(shape.fields))
      out.push(...checkAgainstShape(child, (value as Record<string, ParamValue>)[key], join(at, key), typer));
    for (const key of Object.keys(value)) {
      if (!(key in shape.fields))
        out.push({
          field: join(at, key),
          severity: "warning",
          message: `${join(at, key)} is not a field of this operation; Postmark ignores it`,
        });
    }
    return out;
  }
  if (shape.type === "array" && shape.element) {
    if (!Array.isArray(value))
      return [{ field: at, severity: "error", message: `${at} must be a list, not ${typeOfLiteral(value)}` }];
    return value.flatMap((item, i) => checkAgainstShape(shape.element!, item, join(at, i), typer));
  }
  // Scalars, records and untyped values: let zod judge literal values; dynamic ones are checked at run time.
  return isDynamic(value) ? [] : literalIssues(shape, value, at);
}

/** Checks one section (params, query or body) of an action step. */
export function checkSection(
  schema: z.ZodType | undefined,
  value: ParamValue | undefined,
  section: string,
  typer: MappingTyper,
): Finding[] {
  if (!schema) {
    const empty =
      value === undefined ||
      (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
    return empty
      ? []
      : [{ field: section, severity: "warning", message: `This operation takes no ${section}; it will be ignored` }];
  }
  return checkAgainstShape(shapeOf(schema, "input"), value, section, typer);
}
