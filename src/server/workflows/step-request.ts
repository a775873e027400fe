import { matchOperation, operations } from "../../contract/postmark/index";
import type { StepRequest } from "../../contract/workflows/index";
import { resolveCall, type ExecuteById, type ExecuteResult } from "../proxy/execute";
import { holdsMask } from "../proxy/secret-mask";
import { unmaskEdit } from "../proxy/unmask-edit";

/**
 * A request as stored in a step row or an approval item (JSON). Rows parked before requests kept
 * their path parameters hold only the filled path: for those, and only those, the parameters are
 * read back here, once, against the step's own operation.
 */
export function readStepRequest(text: string): StepRequest {
  const r = JSON.parse(text) as StepRequest;
  if (r.params !== undefined) return r;
  const op = operations[r.operationId];
  if (!("params" in op) || op.params === undefined) return r;
  const m = matchOperation(op.method, r.path.split("?")[0]!);
  const params = m?.operation.id === op.id ? m.params : {};
  // The same key order as resolveStepRequest, so a converted request compares equal to a re-resolved one.
  return {
    operationId: r.operationId,
    method: r.method,
    path: r.path,
    params,
    query: r.query,
    body: r.body,
    token: r.token,
    serverId: r.serverId,
  };
}

/** The call execute() makes for a step: the operation and its parts, never a path to match again. */
export function stepCall(request: StepRequest): Omit<ExecuteById, "user"> {
  return {
    operationId: request.operationId,
    params: request.params ?? {},
    query: request.query,
    body: request.body,
    serverId: request.serverId,
  };
}

/**
 * The body a step sends. Earlier answers reach mappings masked, so a step that edits a webhook
 * or the server with values it read sends the mask back: as in the proxy, the real values are put
 * back from Postmark's current object (read through `read`), only where they were; any other use
 * of the mask (a send, a create, a changed URL) is refused before anything is sent.
 */
export async function stepBody(call: ExecuteById, read: (path: string) => Promise<ExecuteResult>): Promise<unknown> {
  if (call.body === undefined || !holdsMask(JSON.stringify(call.body))) return call.body;
  const { op, path } = resolveCall(call);
  return unmaskEdit(call.body, op.method, path, read);
}
