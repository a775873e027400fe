/** Model paths a template can use, from the test model, for the editor's completion. */
export interface ModelPath {
  label: string;
  /** Where it applies, e.g. "inside {{#each items}}". */
  detail: string;
}

export function modelPaths(model: unknown, limit = 500): ModelPath[] {
  const out: ModelPath[] = [];
  const seen = new Set<string>();
  const add = (label: string, detail: string) => {
    const key = `${label}\u0000${detail}`;
    if (out.length >= limit || seen.has(key)) return;
    seen.add(key);
    out.push({ label, detail });
  };
  const walk = (value: unknown, prefix: string, scope: string, depth: number) => {
    if (depth > 6 || typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      // Inside {{#each list}} the item's fields are named relative to the item.
      const item = value.find((v) => typeof v === "object" && v !== null);
      if (item !== undefined) walk(item, "", `inside {{#each ${prefix}}}`, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      add(path, Array.isArray(v) ? `list${scope ? `, ${scope}` : ""}` : scope || "model");
      walk(v, path, scope, depth + 1);
    }
  };
  walk(model, "", "", 0);
  return out;
}
