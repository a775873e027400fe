import type { OperationSpec } from "@/contract/postmark/operation";
import type { PreparedRequest } from "@/web/lib/operation-request";

/** The confirmation title for a destructive call: what it does, and to which thing. */
export function describeChange(op: Pick<OperationSpec, "title">, request: Pick<PreparedRequest, "input">): string {
  const params = Object.entries(request.input.params ?? {}).map(([k, v]) => `${k} ${String(v)}`);
  return params.length > 0 ? `${op.title}: ${params.join(", ")}?` : `${op.title}?`;
}
