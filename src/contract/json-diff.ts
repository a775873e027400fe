/** One difference between two JSON values, at a readable path such as `body.Messages[0].To`. */
export interface JsonChange {
  path: string;
  kind: "added" | "removed" | "changed";
  /** Absent when added. */
  before?: unknown;
  /** Absent when removed. */
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/** The leaf-level differences from `before` to `after` (objects by key, arrays by index), in document order. */
export function diffJson(before: unknown, after: unknown, path = ""): JsonChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    return keys.flatMap((k) => {
      if (!(k in after) || after[k] === undefined)
        return before[k] === undefined ? [] : [{ path: join(path, k), kind: "removed" as const, before: before[k] }];
      if (!(k in before) || before[k] === undefined)
        return [{ path: join(path, k), kind: "added" as const, after: after[k] }];
      return diffJson(before[k], after[k], join(path, k));
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: JsonChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const at = `${path}[${i}]`;
      if (i >= after.length) out.push({ path: at, kind: "removed", before: before[i] });
      else if (i >= before.length) out.push({ path: at, kind: "added", after: after[i] });
      else out.push(...diffJson(before[i], after[i], at));
    }
    return out;
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: path || "(value)", kind: "changed", before, after }];
}
