import type { z } from "zod";
import { buildPath, type OperationSpec } from "@/contract/postmark/operation";
import { extractFields, isObjectSchema, type FormField } from "./zod-fields";

export const sections = ["params", "query", "body"] as const;
export type Section = (typeof sections)[number];

/** What a form field holds while being edited: text for most kinds, a boolean for switches, undefined for "not set". */
export type FieldValue = string | boolean | undefined;
export type SectionValues = Record<string, FieldValue>;
export type FormValues = Record<Section, SectionValues>;

/** A body that is not an object (an array, say) is edited as one JSON document under this name. */
export const WHOLE_BODY = "$body";

export interface PostmarkInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface PreparedRequest {
  method: string;
  /** Postmark's path with parameters filled in. */
  path: string;
  query: Record<string, string>;
  /** `?a=1&b=2`, or "". */
  search: string;
  /** Where the browser sends it: Mailroom's proxy. */
  url: string;
  body?: unknown;
  input: PostmarkInput;
}

export function sectionSchema(op: OperationSpec, section: Section): z.ZodType | undefined {
  return op[section] as z.ZodType | undefined;
}

/** The editable fields of each section of an operation. */
export function operationFields(op: OperationSpec): Record<Section, FormField[]> {
  const body = sectionSchema(op, "body");
  return {
    params: extractFields(sectionSchema(op, "params")),
    query: extractFields(sectionSchema(op, "query")),
    body: !body
      ? []
      : isObjectSchema(body)
        ? extractFields(body)
        : [{ name: WHOLE_BODY, kind: "json", required: true, nullable: false }],
  };
}

// Postmark's paged lists require count and offset; start on a useful first page.
const friendlyDefaults: Record<string, string> = { count: "50", offset: "0" };

export function initialValues(fields: Record<Section, FormField[]>): FormValues {
  const values: FormValues = { params: {}, query: {}, body: {} };
  for (const section of sections) {
    for (const f of fields[section]) {
      if (f.defaultValue !== undefined) {
        values[section][f.name] =
          f.kind === "boolean"
            ? Boolean(f.defaultValue)
            : f.kind === "json"
              ? JSON.stringify(f.defaultValue, null, 2)
              : String(f.defaultValue);
      } else if (f.required && f.name in friendlyDefaults) {
        values[section][f.name] = friendlyDefaults[f.name];
      } else if (f.required && f.kind === "boolean") {
        values[section][f.name] = false;
      }
    }
  }
  return values;
}

export type FieldErrors = Record<string, string>;

/** Turns edited text into the values a schema parses; JSON that does not parse is an error on its field. */
export function toSectionInput(
  fields: FormField[],
  values: SectionValues,
  section: Section,
  errors: FieldErrors,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === "") continue;
    if (f.kind === "boolean") {
      out[f.name] = v === true || v === "true";
    } else if (f.kind === "number") {
      const n = Number(v);
      out[f.name] = typeof v === "string" && v.trim() !== "" && Number.isFinite(n) ? n : v;
    } else if (f.kind === "json") {
      try {
        out[f.name] = JSON.parse(String(v)) as unknown;
      } catch (e) {
        errors[`${section}.${f.name}`] = `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
      }
    } else {
      out[f.name] = v;
    }
  }
  return out;
}

function queryString(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    out[k] = typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** Builds the proxy URL for an operation and an already-valid input. */
export function operationUrl(
  op: Pick<OperationSpec, "path">,
  input: PostmarkInput,
): { path: string; query: Record<string, string>; search: string; url: string } {
  const path = buildPath(op.path, input.params ?? {});
  const query = queryString(input.query ?? {});
  const qs = new URLSearchParams(query).toString();
  const search = qs ? `?${qs}` : "";
  return { path, query, search, url: `/api/postmark${path}${search}` };
}

/**
 * Validates the form with the operation's own schemas and, when valid, returns the exact request.
 * Errors are keyed `section.field` (or `section` for whole-section issues).
 */
export function prepareRequest(
  op: OperationSpec,
  values: FormValues,
): { request: PreparedRequest | null; errors: FieldErrors } {
  const fields = operationFields(op);
  const errors: FieldErrors = {};
  const input: PostmarkInput = {};
  for (const section of sections) {
    const schema = sectionSchema(op, section);
    if (!schema) continue;
    const whole = section === "body" && fields.body[0]?.name === WHOLE_BODY;
    const edited = toSectionInput(fields[section], values[section], section, errors);
    const raw: unknown = whole ? edited[WHOLE_BODY] : edited;
    if (whole && raw === undefined && errors[`body.${WHOLE_BODY}`]) continue;
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const head = issue.path[0];
        const key = whole ? `body.${WHOLE_BODY}` : head === undefined ? section : `${section}.${String(head)}`;
        const inner = whole ? issue.path : issue.path.slice(1);
        errors[key] ??= `${inner.length > 0 ? `${inner.join(".")}: ` : ""}${issue.message}`;
      }
      continue;
    }
    // Query and path keep what was typed (they travel as text); the body is sent as parsed.
    if (section === "body") input.body = result.data;
    else input[section] = raw as Record<string, unknown>;
  }
  if (Object.keys(errors).length > 0) return { request: null, errors };
  const { path, query, search, url } = operationUrl(op, input);
  return { request: { method: op.method, path, query, search, url, body: input.body, input }, errors };
}
