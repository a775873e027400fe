/** A resolved value plus the context it was resolved from; `../` walks this chain, as in Mustachio's ContextObject. */
export interface Context {
  value: unknown;
  parent: Context | null;
}

// `../` (or `..\`) steps up; every other run of non-dots is a key.
const SEGMENT = /(\.\.[\\/])|([^.]+)/g;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function pathSegments(path: string): string[] {
  return path.match(SEGMENT) ?? [];
}

export function resolve(context: Context, path: string): Context {
  let current = context;
  for (const segment of pathSegments(path)) {
    if (segment.startsWith("..")) {
      // Extra `../` at the root are skipped.
      current = current.parent ?? current;
      continue;
    }
    // Own keys only: a model must not reach `constructor`, `__proto__` and friends.
    const value = isRecord(current.value) && Object.hasOwn(current.value, segment) ? current.value[segment] : undefined;
    current = { value, parent: current };
  }
  return current;
}

/** Mustachio's Exists(): null, false, "", 0, empty arrays and empty objects are falsey. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}
