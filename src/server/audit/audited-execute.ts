import type { Clock } from "../clock";
import { ApiFailure } from "../errors";
import type { Logger } from "../logger";
import { resolveCall, type Execute, type ExecuteInput, type ExecuteResult, type ResolvedCall } from "../proxy/execute";
import type { AuditRepo } from "../store/audit-repo";

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
  // Not async itself: a read (most calls) goes straight to inner() without a promise of its own around it.
  return (input) => {
    let call: ResolvedCall;
    try {
      // Resolved once here and handed to execute(); an input that names no operation is refused by it, unrecorded.
      call = resolveCall(input);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    return call.op.risk === "read" ? inner(input, call) : recorded(input, call);
  };

  async function recorded(input: ExecuteInput, call: ResolvedCall): Promise<ExecuteResult> {
    const base = {
      actor: { id: input.user.id ?? null, username: input.user.username },
      action: "postmark.write",
      target: `${call.op.method} ${call.path}`,
      requestId: input.requestId ?? null,
    };
    const details = {
      operationId: call.op.id,
      risk: call.op.risk,
      method: call.op.method,
      path: call.op.path,
      targetIds: call.params,
      serverId: input.serverId ?? null,
      role: input.user.role,
      ...(input.workflow ? { workflow: input.workflow } : {}),
    };
    const write = (
      outcome: "success" | "failure" | "denied",
      outcomeDetail: string,
      extra: Record<string, unknown> = {},
    ) =>
      deps.audit
        .record(
          { ...base, outcome, outcomeDetail, details: { ...details, ...extra } },
          new Date(deps.clock()).toISOString(),
        )
        .catch((e: unknown) =>
          deps.logger.error("could not write an audit record", { action: base.action, error: (e as Error).message }),
        );
    try {
      const result = await inner(input, call);
      const errorCode = result.status >= 400 ? postmarkErrorCode(result.body) : null;
      await write(
        result.status < 400 ? "success" : "failure",
        errorCode === null ? String(result.status) : `${result.status} ErrorCode ${errorCode}`,
        { status: result.status, ...(errorCode === null ? {} : { errorCode }) },
      );
      return result;
    } catch (e) {
      if (e instanceof ApiFailure) await write(e.status === 403 ? "denied" : "failure", e.code, { status: e.status });
      else await write("failure", "error");
      throw e;
    }
  }
}
