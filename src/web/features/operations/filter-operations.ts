import type { AreaId, OperationSpec } from "@/contract/postmark/operation";

type Searchable = Pick<OperationSpec, "id" | "area" | "title" | "description" | "method" | "path">;

/** Operations in an area (or all) whose id, title, description, method or path contain every word of the query. */
export function filterOperations<T extends Searchable>(
  ops: readonly T[],
  area: AreaId | undefined,
  q: string | undefined,
): T[] {
  const words = (q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return ops.filter((op) => {
    if (area && op.area !== area) return false;
    const text = `${op.id} ${op.title} ${op.description} ${op.method} ${op.path}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
