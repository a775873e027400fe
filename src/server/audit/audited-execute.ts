import { matchOperation, operations, type Operation } from "../../contract/postmark/index";
import type { Clock } from "../clock";
import { ApiFailure } from "../errors";
import type { Logger } from "../logger";
import type { Execute, ExecuteInput } from "../proxy/execute";
import type { AuditRepo } from "../store/audit-repo";

function identify(input: ExecuteInput): { op: Operation; params: Record<string, unknown> } | null {
  if ("operationId" in input) {
    const op = operations[input.operationId] as Operation | undefined;
    return op ? { op, params: input.params ?? {} } : null;
  }
  try {
    const m = matchOperation(input.method, input.path.split("?")[0]!);
    return m ? { op: m.operation, params: m.params } : null;
  } catch {
    return null;
  }
}

function postmarkErrorCode(body: string): number | null {
  try {
    const v = JSON.parse(body) as { ErrorCode?: unknown };
    return typeof v?.ErrorCode === "number" ? v.ErrorCode : null;
  } catch {
    return null;
  }
}

/**
 * Wraps execute() so that every write or destructive call, from the proxy or the workflow engine,
 * leaves an audit record (who, operation, method, path, target ids, outcome). Reads are not recorded.
 * A workflow's call is recorded as its version's author, with the run in `details.workflow`.
 * The body is never recorded: it can hold addresses and content.
 */
export function auditedExecute(inner: Execute, deps: { audit: AuditRepo; clock: Clock; logger: Logger }): Execute {
  return async (input) => {
    const found = identify(input);
    if (!found || found.op.risk === "read") return inner(input);
    const path = "operationId" in input ? found.op.path : input.path.split("?")[0]!;
    const base = {
      actor: { id: input.user.id ?? null, username: input.user.username },
      action: "postmark.write",
      target: `${found.op.method} ${path}`,
      requestId: input.requestId ?? null,
    };
    const details = { operationId: found.op.id, risk: found.op.risk, method: found.op.method, path: found.op.path, targetIds: found.params, serverId: input.serverId ?? null, role: input.user.role, ...(input.workflow ? { workflow: input.workflow } : {}) };
    const write = (outcome: "success" | "failure" | "denied", outcomeDetail: string, extra: Record<string, unknown> = {}) =>
      deps.audit
        .record({ ...base, outcome, outcomeDetail, details: { ...details, ...extra } }, new Date(deps.clock()).toISOString())
        .catch((e: unknown) => deps.logger.error("could not write an audit record", { action: base.action, error: (e as Error).message }));
    try {
      const result = await inner(input);
      const errorCode = result.status >= 400 ? postmarkErrorCode(result.body) : null;
      await write(result.status < 400 ? "success" : "failure", errorCode === null ? String(result.status) : `${result.status} ErrorCode ${errorCode}`, { status: result.status, ...(errorCode === null ? {} : { errorCode }) });
      return result;
    } catch (e) {
      if (e instanceof ApiFailure) await write(e.status === 403 ? "denied" : "failure", e.code, { status: e.status });
      else await write("failure", "error");
      throw e;
    }
  };
}
