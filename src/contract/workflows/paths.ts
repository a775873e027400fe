/** One step of a path: an object key, an array index, or `[*]` (every element). */
export type PathSegment = { key: string } | { index: number } | { all: true };

export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; message: string };

/**
 * Parses `Metadata.orderId`, `Messages[0].To`, `ToFull[*].Email`, `[0].MessageID`.
 * Keys hold anything but `.`, `[` and `]` (so `client-id` works). "" is the whole value.
 */
export function parsePath(path: string): ParsedPath {
  const segments: PathSegment[] = [];
  if (path.trim() === "") return { ok: true, segments };
  const re = /([^.[\]]+)|\[(\d+|\*)\]|(\.)/gy;
  let expectKey = true;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    last = re.lastIndex;
    if (m[1] !== undefined) {
      if (!expectKey) return { ok: false, message: `Unexpected "${m[1]}" in path "${path}"` };
      segments.push({ key: m[1].trim() });
      expectKey = false;
    } else if (m[2] !== undefined) {
      if (expectKey && segments.length > 0)
        return { ok: false, message: `Unexpected "[" after a dot in path "${path}"` };
      segments.push(m[2] === "*" ? { all: true } : { index: Number(m[2]) });
      expectKey = false;
    } else {
      if (expectKey) return { ok: false, message: `Empty segment in path "${path}"` };
      expectKey = true;
    }
  }
  if (last !== path.length) return { ok: false, message: `Cannot read path "${path}" at position ${last + 1}` };
  if (expectKey) return { ok: false, message: `Path "${path}" ends with a dot` };
  return { ok: true, segments };
}

/** Canonical form for comparing paths: indices become `[]`, keys lower-case (lookups ignore case). */
export function normalizePath(segments: PathSegment[]): string {
  return segments.map((s, i) => ("key" in s ? `${i === 0 ? "" : "."}${s.key.toLowerCase()}` : "[]")).join("");
}

export function formatPath(segments: PathSegment[]): string {
  return segments
    .map((s, i) => ("key" in s ? `${i === 0 ? "" : "."}${s.key}` : "index" in s ? `[${s.index}]` : "[*]"))
    .join("");
}

function readKey(obj: Record<string, unknown>, key: string): { found: boolean; value: unknown } {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return { found: true, value: obj[key] };
  // Postmark is not consistent about casing (`ID`/`Id`), so fall back to a case-insensitive match.
  const lower = key.toLowerCase();
  const match = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return match === undefined ? { found: false, value: undefined } : { found: true, value: obj[match] };
}

function walk(value: unknown, segments: PathSegment[]): { found: boolean; value: unknown } {
  let current: unknown = value;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if ("key" in seg) {
      if (typeof current !== "object" || current === null || Array.isArray(current))
        return { found: false, value: undefined };
      const next = readKey(current as Record<string, unknown>, seg.key);
      if (!next.found) return next;
      current = next.value;
    } else if ("index" in seg) {
      if (!Array.isArray(current) || seg.index >= current.length) return { found: false, value: undefined };
      current = current[seg.index];
    } else {
      if (!Array.isArray(current)) return { found: false, value: undefined };
      const rest = segments.slice(i + 1);
      const values = current
        .map((item) => walk(item, rest))
        .filter((r) => r.found)
        .map((r) => r.value);
      return { found: true, value: values };
    }
  }
  return { found: true, value: current };
}

/** Reads a path, telling a missing value apart from a present `null`. */
export function lookupPath(obj: unknown, path: string): { found: boolean; value: unknown; error?: string } {
  const parsed = parsePath(path);
  if (!parsed.ok) return { found: false, value: undefined, error: parsed.message };
  return walk(obj, parsed.segments);
}

/** The value at a path, or undefined when it is missing or the path is malformed. */
export function getPath(obj: unknown, path: string): unknown {
  return lookupPath(obj, path).value;
}

export type FieldType = "string" | "number" | "boolean" | "null" | "object" | "array" | "unknown";

export interface FieldInfo {
  /** Path usable in a mapping, with `[0]` for array elements. */
  path: string;
  type: FieldType;
  /** An example value from sample data, when there is one. */
  example?: unknown;
  /** May hold keys not listed (Metadata, records, untyped values): deeper paths are allowed. */
  open?: boolean;
  nullable?: boolean;
  optional?: boolean;
  notes?: string;
}

export function typeOfValue(value: unknown): FieldType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return "object";
    default:
      return "unknown";
  }
}

const maxDepth = 8;

/** Every path in a sample value, depth first, objects and arrays included (they can be mapped whole). */
export function listFields(sample: unknown): FieldInfo[] {
  const out: FieldInfo[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (path !== "") out.push({ path, type: typeOfValue(value), example: value });
    if (depth >= maxDepth) return;
    if (Array.isArray(value)) {
      if (value.length > 0) visit(value[0], `${path}[0]`, depth + 1);
    } else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) visit(child, path === "" ? key : `${path}.${key}`, depth + 1);
    }
  };
  visit(sample, "", 0);
  return out;
}
