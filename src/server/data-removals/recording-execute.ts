import type { Clock } from "../clock";
import type { Logger } from "../logger";
import { resolveCall, type Execute, type ExecuteInput, type ExecuteResult, type ResolvedCall } from "../proxy/execute";
import type { DataRemovalsRepo } from "./data-removals-repo";
import { isFinalStatus } from "./service";

function object(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function parsed(text: string | undefined): Record<string, unknown> {
  try {
    return object(JSON.parse(text ?? ""));
  } catch {
    return {};
  }
}

/** The request body of either input form, and for the HTTP form a reader that keeps what it read. */
function bodyOf(input: ExecuteInput): { input: ExecuteInput; sent: () => Record<string, unknown> } {
  if ("operationId" in input) {
    const body = input.body;
    return { input, sent: () => (typeof body === "string" ? parsed(body) : object(body)) };
  }
  const raw = input.rawBody;
  if (typeof raw !== "function") return { input, sent: () => parsed(raw) };
  let read: string | undefined;
  const reader: typeof raw = async (max, tooLarge) => (read = await raw(max, tooLarge));
  return { input: { ...input, rawBody: reader }, sent: () => parsed(read) };
}

/**
 * Postmark keeps no list of data removal requests, so Mailroom does (the Data removals page). A
 * request is kept whichever path made it, the page's form, the Operations explorer or a workflow
 * step: every accepted `dataRemovals.create` is recorded here, under the person (or the workflow
 * version's author) it was made as. A failure to record is logged; Postmark's answer still goes back.
 */
export function recordingDataRemovals(
  inner: Execute,
  deps: { repo: Pick<DataRemovalsRepo, "insert">; clock: Clock; logger: Logger },
): Execute {
  // Not async itself: every other operation goes straight to inner() without a promise of its own around it.
  return (input, resolved) => {
    try {
      resolved ??= resolveCall(input);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    return resolved.op.id === "dataRemovals.create" ? recorded(input, resolved) : inner(input, resolved);
  };

  async function recorded(input: ExecuteInput, resolved: ResolvedCall): Promise<ExecuteResult> {
    const body = bodyOf(input);
    const result = await inner(body.input, resolved);
    if (result.status >= 300) return result;
    const answer = parsed(result.body);
    const postmarkId = Number(answer.ID);
    if (!Number.isSafeInteger(postmarkId) || postmarkId <= 0) return result;
    const sent = body.sent();
    const status = typeof answer.Status === "string" ? answer.Status : "Pending";
    const now = new Date(deps.clock()).toISOString();
    await deps.repo
      .insert({
        postmarkId,
        requestedFor: typeof sent.RequestedFor === "string" ? sent.RequestedFor : "",
        requestedBy: typeof sent.RequestedBy === "string" ? sent.RequestedBy : "",
        createdById: input.user.id ?? null,
        createdByName: input.user.username,
        now,
        status,
        completed: isFinalStatus(status),
      })
      .catch((e: unknown) =>
        deps.logger.error("could not keep a data removal request", { postmarkId, error: (e as Error).message }),
      );
    return result;
  }
}
