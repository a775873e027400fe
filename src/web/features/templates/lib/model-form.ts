/** The test model's scalar leaves as editable fields (path → text), and setting one back. */
export interface ModelLeaf {
  path: string[];
  value: string | number | boolean | null;
}

export function modelLeaves(model: unknown, prefix: string[] = [], out: ModelLeaf[] = [], limit = 100): ModelLeaf[] {
  if (out.length >= limit || typeof model !== "object" || model === null) return out;
  for (const [k, v] of Object.entries(model)) {
    const path = [...prefix, k];
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      out.push({ path, value: v });
    else modelLeaves(v, path, out, limit);
    if (out.length >= limit) break;
  }
  return out;
}

/** A copy of `model` with the leaf at `path` set; numbers and booleans keep their type when the text still parses. */
export function setLeaf(
  model: Record<string, unknown>,
  path: readonly string[],
  text: string,
  previous: ModelLeaf["value"],
): Record<string, unknown> {
  const value =
    typeof previous === "number" && text.trim() !== "" && Number.isFinite(Number(text))
      ? Number(text)
      : typeof previous === "boolean" && (text === "true" || text === "false")
        ? text === "true"
        : text;
  const copy = structuredClone(model);
  let at: Record<string, unknown> | unknown[] = copy;
  for (const key of path.slice(0, -1)) at = (at as Record<string, unknown>)[key] as Record<string, unknown>;
  (at as Record<string, unknown>)[path[path.length - 1]!] = value;
  return copy;
}
