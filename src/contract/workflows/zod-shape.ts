import type { z } from "zod";
import type { FieldType } from "./paths";

/** What a zod schema accepts, reduced to what mapping, validation and the data picker need. */
export interface Shape {
  type: FieldType;
  nullable: boolean;
  optional: boolean;
  /** z.coerce.* accepts text for numbers (query strings, path ids). */
  coerce: boolean;
  /** Object keys with their shapes (type "object"). */
  fields?: Record<string, Shape>;
  /** Objects that take any key (records, Metadata) or untyped values. */
  open: boolean;
  /** Element shape (type "array"). */
  element?: Shape;
  /** Allowed literal values (enums and literals). */
  values?: unknown[];
  schema: z.ZodType;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const wrappers = new Set(["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch"]);

/** Reads a zod 4 schema; `io` picks a pipe's input side (requests) or output side (responses). */
export function shapeOf(schema: z.ZodType, io: "input" | "output" = "output", depth = 0): Shape {
  let current = schema;
  let nullable = false;
  let optional = false;
  for (let guard = 0; guard < 20; guard++) {
    const def = defOf(current);
    if (wrappers.has(def.type)) {
      if (def.type === "nullable") nullable = true;
      if (def.type === "optional" || def.type === "default" || def.type === "prefault") optional = true;
      current = def.innerType as z.ZodType;
    } else if (def.type === "pipe") {
      const side = (io === "input" ? def.in : def.out) as z.ZodType;
      current = defOf(side).type === "transform" ? (def.in as z.ZodType) : side;
    } else if (def.type === "lazy") {
      current = (def.getter as () => z.ZodType)();
    } else break;
  }
  const def = defOf(current);
  const base = { nullable, optional, coerce: def.coerce === true, open: false, schema: current };
  if (depth > 12) return { ...base, type: "unknown", open: true };
  switch (def.type) {
    case "string":
    case "template_literal":
      return { ...base, type: "string" };
    case "number":
    case "int":
    case "bigint":
      return { ...base, type: "number" };
    case "boolean":
      return { ...base, type: "boolean" };
    case "null":
      return { ...base, type: "null", nullable: true };
    case "literal": {
      const values = def.values as unknown[];
      const kinds = new Set(values.map((v) => typeof v));
      const type: FieldType =
        kinds.size === 1 && kinds.has("string")
          ? "string"
          : kinds.size === 1 && kinds.has("number")
            ? "number"
            : kinds.size === 1 && kinds.has("boolean")
              ? "boolean"
              : "unknown";
      return { ...base, type, values };
    }
    case "enum":
      return { ...base, type: "string", values: Object.values(def.entries as Record<string, unknown>) };
    case "object": {
      const fields: Record<string, Shape> = {};
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>))
        fields[key] = shapeOf(child, io, depth + 1);
      return { ...base, type: "object", fields };
    }
    case "record":
      return { ...base, type: "object", fields: {}, open: true };
    case "array":
      return { ...base, type: "array", element: shapeOf(def.element as z.ZodType, io, depth + 1) };
    case "union": {
      const options = (def.options as z.ZodType[]).map((o) => shapeOf(o, io, depth + 1));
      const types = new Set(options.filter((o) => o.type !== "null").map((o) => o.type));
      const isNullable = nullable || options.some((o) => o.nullable);
      const opt = optional || options.some((o) => o.optional);
      if (types.size === 1) {
        const first = options.find((o) => o.type !== "null")!;
        return { ...first, nullable: isNullable, optional: opt, schema: current };
      }
      return { ...base, nullable: isNullable, optional: opt, type: "unknown", open: true };
    }
    default:
      return { ...base, type: "unknown", open: true };
  }
}
