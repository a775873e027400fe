import type { z } from "zod";

/** How a schema field is edited in a generated form. */
export type FieldKind = "string" | "number" | "boolean" | "enum" | "json";

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  nullable: boolean;
  /** Choices for `enum` fields. */
  options?: string[];
  /** Integer-only numbers. */
  integer?: boolean;
  min?: number;
  max?: number;
  /** The schema's default, if it has one. */
  defaultValue?: unknown;
  description?: string;
  /** For lists: what one item is (a plain value, or an object with these keys), so a single value can become a one-item list. */
  listItem?: { kind: "value" } | { kind: "object"; keys: string[]; required: string[] };
}

// zod 4 keeps a schema's structure on `.def`; we read only the parts a form needs.
interface Def {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  out?: ZodLike;
  options?: ZodLike[];
  values?: unknown[];
  entries?: Record<string, string | number>;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  defaultValue?: unknown;
}
interface ZodLike {
  def: Def;
  description?: string;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

const SAFE = Number.MAX_SAFE_INTEGER;

function describe(schema: ZodLike, name: string, acc: Omit<FormField, "kind" | "name">): FormField {
  const def = schema.def;
  const description = acc.description ?? schema.description;
  switch (def.type) {
    case "optional":
      return describe(def.innerType!, name, { ...acc, required: false, description });
    case "nullable":
      return describe(def.innerType!, name, { ...acc, nullable: true, description });
    case "default":
    case "prefault":
      return describe(def.innerType!, name, {
        ...acc,
        required: false,
        defaultValue: typeof def.defaultValue === "function" ? (def.defaultValue as () => unknown)() : def.defaultValue,
        description,
      });
    case "readonly":
    case "catch":
    case "nonoptional":
      return describe(def.innerType!, name, { ...acc, description });
    case "pipe":
      // A transform or refinement pipeline: the form edits what goes in.
      return describe(def.in!, name, { ...acc, description });
    case "string":
      return { name, kind: "string", ...acc, description };
    case "number": {
      const min = schema.minValue != null && Math.abs(schema.minValue) < SAFE ? schema.minValue : undefined;
      const max = schema.maxValue != null && Math.abs(schema.maxValue) < SAFE ? schema.maxValue : undefined;
      return { name, kind: "number", ...acc, integer: schema.isInt === true, min, max, description };
    }
    case "boolean":
      return { name, kind: "boolean", ...acc, description };
    case "enum":
      return { name, kind: "enum", ...acc, options: Object.values(def.entries ?? {}).map(String), description };
    case "literal":
      return { name, kind: "enum", ...acc, options: (def.values ?? []).map(String), description };
    case "union": {
      // Postmark's query booleans accept true/false or "true"/"false": edit them as a boolean.
      const kinds = (def.options ?? []).map((o) => describe(o, name, { required: true, nullable: false }).kind);
      if (kinds.includes("boolean")) return { name, kind: "boolean", ...acc, description };
      if (kinds.length > 0 && kinds.every((k) => k === kinds[0]) && kinds[0] !== "enum") {
        return describe(def.options![0]!, name, { ...acc, description });
      }
      return { name, kind: "json", ...acc, description };
    }
    case "array": {
      const item = def.element ? unwrapObject(def.element) : null;
      const fields = item?.def.shape
        ? Object.entries(item.def.shape).map(([k, f]) => describe(f, k, { required: true, nullable: false }))
        : null;
      const listItem = fields
        ? {
            kind: "object" as const,
            keys: fields.map((f) => f.name),
            required: fields.filter((f) => f.required).map((f) => f.name),
          }
        : { kind: "value" as const };
      return { name, kind: "json", ...acc, description, listItem };
    }
    default:
      // Objects, records, unknown: a JSON editor.
      return { name, kind: "json", ...acc, description };
  }
}

/** The top-level fields of an object schema, in declaration order. */
export function extractFields(schema: z.ZodType | undefined): FormField[] {
  if (!schema) return [];
  const root = unwrapObject(schema as unknown as ZodLike);
  if (!root?.def.shape) return [];
  return Object.entries(root.def.shape).map(([name, field]) =>
    describe(field, name, { required: true, nullable: false }),
  );
}

function unwrapObject(schema: ZodLike): ZodLike | null {
  const def = schema.def;
  if (def.type === "object") return schema;
  if (def.type === "pipe") return unwrapObject(def.in!);
  if (def.innerType) return unwrapObject(def.innerType);
  return null;
}

/** True when the schema is an object whose fields can be listed (otherwise the whole body is one JSON editor). */
export function isObjectSchema(schema: z.ZodType | undefined): boolean {
  return !!schema && unwrapObject(schema as unknown as ZodLike) !== null;
}
