import type { FieldType } from "./paths";
import type { Transform } from "./schema";

export type TransformResult = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): TransformResult => ({ ok: true, value });
const fail = (message: string): TransformResult => ({ ok: false, message });

const describe = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`;

/** `"Jane <Jane@Example.com>"` → `Jane@Example.com`; plain addresses pass through trimmed. */
function bareAddress(value: string): string {
  const angle = /<([^<>]+)>/.exec(value);
  return (angle ? angle[1]! : value).trim();
}

/** Applies a text function to a string, or to each string of a list. */
function onText(name: string, value: unknown, fn: (s: string) => TransformResult): TransformResult {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (typeof item !== "string") return fail(`${name} needs text, got ${describe(item)} in a list`);
      const r = fn(item);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  }
  return fail(`${name} needs text, got ${describe(value)}`);
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Applies one transform. Missing values (undefined) and null pass through every transform but
 * `default` and `toString`, so a chain can end in `default` to cover absent fields.
 */
export function applyTransform(value: unknown, t: Transform): TransformResult {
  if (t.type === "default") return value === undefined || value === null || value === "" ? ok(t.value) : ok(value);
  if (t.type === "toString") return value === undefined ? ok(value) : ok(textOf(value));
  if (value === undefined || value === null) return ok(value);
  switch (t.type) {
    case "lowerCase":
      return onText("lowerCase", value, (s) => ok(s.toLowerCase()));
    case "upperCase":
      return onText("upperCase", value, (s) => ok(s.toUpperCase()));
    case "trim":
      return onText("trim", value, (s) => ok(s.trim()));
    case "domainOf":
      return onText("domainOf", value, (s) => {
        const address = bareAddress(s);
        const at = address.lastIndexOf("@");
        // Domains are case-insensitive; lower-casing lets rules and comparisons match.
        return at > 0 && at < address.length - 1
          ? ok(address.slice(at + 1).toLowerCase())
          : fail(`"${s}" is not an email address`);
      });
    case "localPartOf":
      return onText("localPartOf", value, (s) => {
        const address = bareAddress(s);
        const at = address.lastIndexOf("@");
        return at > 0 ? ok(address.slice(0, at)) : fail(`"${s}" is not an email address`);
      });
    case "join":
      if (!Array.isArray(value))
        return typeof value === "string" ? ok(value) : fail(`join needs a list, got ${describe(value)}`);
      return ok(
        value
          .filter((v) => v !== null && v !== undefined)
          .map(textOf)
          .join(t.separator ?? ", "),
      );
    case "split":
      if (typeof value !== "string") return fail(`split needs text, got ${describe(value)}`);
      return ok(
        value
          .split(t.separator ?? ",")
          .map((s) => s.trim())
          .filter((s) => s !== ""),
      );
    case "first":
      return ok(Array.isArray(value) ? value[0] : value);
    case "toNumber": {
      if (typeof value === "number") return ok(value);
      if (typeof value === "string" && value.trim() !== "") {
        const n = Number(value.trim());
        if (Number.isFinite(n)) return ok(n);
      }
      return fail(`toNumber cannot read a number from ${typeof value === "string" ? `"${value}"` : describe(value)}`);
    }
  }
}

/** Applies transforms in order, stopping at the first failure. */
export function applyTransforms(value: unknown, transforms: readonly Transform[] | undefined): TransformResult {
  let current: TransformResult = ok(value);
  for (const t of transforms ?? []) {
    if (!current.ok) return current;
    current = applyTransform(current.value, t);
  }
  return current;
}

/** The type a chain produces from an input type, for static checks (unknown when it cannot tell). */
export function transformedType(input: FieldType, transforms: readonly Transform[] | undefined): FieldType {
  let type = input;
  for (const t of transforms ?? []) {
    switch (t.type) {
      case "lowerCase":
      case "upperCase":
      case "trim":
        type = type === "array" ? "array" : "string";
        break;
      case "domainOf":
      case "localPartOf":
        type = type === "array" ? "array" : "string";
        break;
      case "join":
      case "toString":
        type = "string";
        break;
      case "split":
        type = "array";
        break;
      case "toNumber":
        type = "number";
        break;
      case "first":
        type = type === "array" ? "unknown" : type;
        break;
      case "default": {
        const d = t.value;
        const dt: FieldType =
          d === null ? "null" : Array.isArray(d) ? "array" : typeof d === "object" ? "object" : (typeof d as FieldType);
        type = dt === type ? type : "unknown";
        break;
      }
    }
  }
  return type;
}

/** Which input types a transform can work on; used to warn in the editor before a run fails. */
export function transformAccepts(t: Transform, type: FieldType): boolean {
  if (type === "unknown" || type === "null") return true;
  switch (t.type) {
    case "lowerCase":
    case "upperCase":
    case "trim":
    case "domainOf":
    case "localPartOf":
      return type === "string" || type === "array";
    case "join":
      return type === "array" || type === "string";
    case "split":
      return type === "string";
    case "toNumber":
      return type === "string" || type === "number";
    default:
      return true;
  }
}
