import type { Kysely, Transaction } from "kysely";
import type { ApproveRequest } from "../../contract/api/approvals";
import { roleAllows, type Role } from "../../contract/api/auth";
import { operations } from "../../contract/postmark/index";
import {
  resolveStepRequest,
  type ActionStep,
  type MappingContext,
  type StepRequest,
} from "../../contract/workflows/index";
import type { Clock } from "../clock";
import { ApiFailure } from "../errors";
import type { AuditRepo } from "../store/audit-repo";
import type { ApprovalsTable, Database } from "../store/schema";
import type { Engine } from "../workflows/engine";
import type { ApprovalRow, ApprovalsRepo } from "./approvals-repo";
import type { RunsRepo } from "../workflows/runs-repo";
import { readStepRequest } from "../workflows/step-request";
import { parseMasked, restoreSecrets } from "../proxy/secret-mask";

export interface Decider {
  id: number;
  username: string;
  role: Role;
}

/** The `edited` column: who changed the request, when, and the sections they replaced. */
export interface EditRecord {
  by: string;
  /** Absent in items edited before editors were excluded from approving their own edit. */
  byId?: number;
  at: string;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}
export const editRecord = (row: Pick<ApprovalsTable, "edited">): EditRecord | null =>
  row.edited === null ? null : (JSON.parse(row.edited) as EditRecord);
const editedBy = (row: Pick<ApprovalsTable, "edited">, user: Pick<Decider, "id" | "username">) => {
  const e = editRecord(row);
  return !!e && (e.byId !== undefined ? e.byId === user.id : e.by === user.username);
};

type Trx = Transaction<Database>;

export interface DecisionOptions {
  requestId?: string | null;
  /** Where the decision came from: "queue" (default), "bulk" or "link". */
  via?: "queue" | "bulk" | "link";
  /** Extra audit context (no secrets). */
  details?: Record<string, unknown>;
  /**
   * Runs inside the decision's transaction once the item passed its checks; throwing undoes the
   * whole decision. Signed links are consumed here, so a link is used up only by a decision that happens.
   */
  guard?: (trx: Trx, item: ApprovalRow) => Promise<void>;
}

const notPending = (row: ApprovalRow) =>
  new ApiFailure(
    409,
    "conflict",
    `This item was already ${row.status}${row.decided_by ? ` by ${row.decided_by}` : ""}; nothing was done.`,
  );
const expired = () =>
  new ApiFailure(409, "conflict", "This approval request has expired; the run has ended and nothing was done.");

/**
 * Decisions on approval items. Exactly once: the item's state changes with a conditional UPDATE
 * (`where status = 'pending'`) inside one transaction, and only the caller whose update took
 * effect executes the step; everyone else gets 409.
 */
export function createDecisions(deps: {
  db: Kysely<Database>;
  approvals: ApprovalsRepo;
  engine: Engine;
  runs: RunsRepo;
  clock: Clock;
  audit?: AuditRepo;
  onAuditError?: (e: Error) => void;
  /** Called after an edit committed: the item is pending again and needs fresh approvals (notifications). */
  onEdited?: (approvalId: number) => void;
}) {
  const { db, engine, approvals } = deps;
  const { queue } = engine;
  const iso = () => new Date(deps.clock()).toISOString();

  /** Reads the item; on PostgreSQL locks it so that concurrent votes are counted one at a time. */
  async function lockItem(trx: Trx, id: number): Promise<ApprovalRow> {
    const r = await approvals.lock(id, trx);
    if (!r) throw new ApiFailure(404, "not_found", "There is no such approval item.");
    return r;
  }

  /**
   * Re-resolves the step with the approver's edited sections against the run's event and earlier
   * answers. Writing a request is calling the operation: the editor's role must allow its risk.
   */
  async function resolveEdits(id: number, edits: ApproveRequest, user: Decider): Promise<StepRequest> {
    const item = await approvals.get(id);
    if (!item) throw new ApiFailure(404, "not_found", "There is no such approval item.");
    const run = await deps.runs.get(item.run_id);
    if (!run) throw new ApiFailure(404, "not_found", "The run of this item is gone.");
    const doc = await engine.docFor(run.version_id);
    const step = doc.steps[item.step_index];
    if (step?.kind !== "action") throw new ApiFailure(409, "conflict", "This item's step is not an action.");
    const op = operations[step.operationId];
    if (!roleAllows[user.role].includes(op.risk)) {
      throw new ApiFailure(
        403,
        "forbidden",
        `Your role (${user.role}) may not call ${op.risk} operations such as "${op.title}", so you may not edit this request. Approve or reject it as it is shown.`,
      );
    }
    const edited: ActionStep = {
      ...step,
      ...(edits.params !== undefined ? { params: edits.params } : {}),
      ...(edits.query !== undefined ? { query: edits.query } : {}),
      // The item was shown masked: a masked value sent back where it was keeps the real one, as in the proxy.
      ...(edits.body !== undefined
        ? { body: restoreSecrets(edits.body, readStepRequest(item.request).body) as ActionStep["body"] }
        : {}),
    };
    const context: MappingContext = { trigger: JSON.parse(run.payload), steps: {} };
    for (const r of await deps.runs.steps(run.id)) {
      if (r.kind === "action" && (r.status === "succeeded" || r.status === "partial") && r.response !== null)
        context.steps[r.step_id] = parseMasked(r.response); // an editor's mappings see what a browser sees
    }
    const res = resolveStepRequest(edited, context, run.server_id);
    if (res.problems.length || !res.request) {
      throw new ApiFailure(
        400,
        "validation_failed",
        `The edited step cannot run: ${res.problems.map((p) => `${p.at ? `${p.at}: ` : ""}${p.message}`).join("; ")}`,
        res.problems,
      );
    }
    // The step's server stays the one the approver saw.
    return { ...res.request, serverId: res.request.serverId ?? readStepRequest(item.request).serverId };
  }

  const hasEdits = (e?: ApproveRequest) =>
    !!e && (e.params !== undefined || e.query !== undefined || e.body !== undefined);

  async function approveInner(
    id: number,
    user: Decider,
    edits: ApproveRequest | undefined,
    opts: DecisionOptions,
  ): Promise<{
    executed: boolean;
    edited: boolean;
    runId: number;
    votes: number;
    required: number;
    stepOutcome?: string | null;
  }> {
    const editedRequest = hasEdits(edits) ? await resolveEdits(id, edits!, user) : null;
    const now = iso();
    const result = await db.transaction().execute(async (trx) => {
      const item = await lockItem(trx, id);
      if (item.status !== "pending") throw notPending(item);
      if (item.expires_at <= now) {
        await queue.expireOne(id, now, trx);
        return { expired: true as const };
      }
      if (!item.allow_self_approval && item.author_id !== null && item.author_id === user.id) {
        throw new ApiFailure(
          403,
          "forbidden",
          "You saved this version of the workflow, and its policy does not allow approving your own steps. Ask someone else.",
        );
      }
      await opts.guard?.(trx, item);
      if (editedRequest && JSON.stringify(editedRequest) !== JSON.stringify(readStepRequest(item.request))) {
        // An edit changes what is approved: earlier votes were for another request, and the editor's
        // own word does not count for it. Someone else must approve the edited request as shown.
        const record: EditRecord = { by: user.username, byId: user.id, at: now, ...edits };
        await approvals.replaceRequest(
          id,
          JSON.stringify(editedRequest),
          item.original_request ?? item.request,
          JSON.stringify(record),
          trx,
        );
        return {
          expired: false as const,
          complete: false,
          edited: true,
          runId: item.run_id,
          votes: 0,
          required: item.required_approvers,
        };
      }
      if (editedBy(item, user))
        throw new ApiFailure(403, "forbidden", "You edited this request, so someone else must approve it as edited.");
      if (await approvals.hasVoted(id, user.id, trx))
        throw new ApiFailure(
          409,
          "conflict",
          "You have already approved this item; it needs another person's approval.",
        );
      const votes = await approvals.vote({ approval_id: id, user_id: user.id, username: user.username, at: now }, trx);
      if (votes.length < item.required_approvers)
        return {
          expired: false as const,
          complete: false,
          edited: false,
          runId: item.run_id,
          votes: votes.length,
          required: item.required_approvers,
        };
      // Exactly the request the approvers saw (edited or not) is what runs.
      if (!(await queue.approved(trx, item, now, votes.join(", ")))) throw notPending(item);
      return {
        expired: false as const,
        complete: true,
        edited: false,
        runId: item.run_id,
        votes: votes.length,
        required: item.required_approvers,
      };
    });
    if (result.expired) throw expired();
    const counts = { votes: result.votes, required: result.required };
    if (result.edited) deps.onEdited?.(id);
    if (!result.complete) return { executed: false, edited: result.edited, runId: result.runId, ...counts };
    // The winner runs the step now, so the approver sees the outcome; if another worker got there first it runs there.
    await engine.runNow(result.runId);
    const stepOutcome = await queue.recordOutcome(id);
    return { executed: true, edited: false, runId: result.runId, ...counts, stepOutcome };
  }

  async function rejectInner(
    id: number,
    user: Decider,
    reason: string,
    opts: DecisionOptions,
  ): Promise<{ runId: number }> {
    const now = iso();
    const result = await db.transaction().execute(async (trx) => {
      const item = await lockItem(trx, id);
      if (item.status !== "pending") throw notPending(item);
      if (item.expires_at <= now) {
        await queue.expireOne(id, now, trx);
        return "expired" as const;
      }
      await opts.guard?.(trx, item);
      if (!(await queue.rejected(trx, item, now, user.username, reason))) throw notPending(item);
      return item.run_id;
    });
    if (result === "expired") throw expired();
    return { runId: result };
  }

  /** Every decision, and every refused attempt, leaves an audit record. */
  async function audited<T>(
    action: string,
    id: number,
    user: Decider,
    opts: DecisionOptions,
    work: () => Promise<T>,
    describe: (r: T) => { outcomeDetail: string; details: Record<string, unknown> },
  ): Promise<T> {
    const write = (
      outcome: "success" | "failure" | "denied",
      outcomeDetail: string,
      details: Record<string, unknown>,
    ) =>
      deps.audit
        ?.record(
          {
            actor: { id: user.id, username: user.username },
            action,
            target: `approval:${id}`,
            outcome,
            outcomeDetail,
            requestId: opts.requestId ?? null,
            details: { via: opts.via ?? "queue", ...opts.details, ...details },
          },
          iso(),
        )
        .catch((e: Error) => deps.onAuditError?.(e));
    try {
      const r = await work();
      const d = describe(r);
      await write("success", d.outcomeDetail, d.details);
      return r;
    } catch (e) {
      if (e instanceof ApiFailure) await write(e.status === 403 ? "denied" : "failure", e.code, { message: e.message });
      throw e;
    }
  }

  async function approve(id: number, user: Decider, edits?: ApproveRequest, opts: DecisionOptions = {}) {
    const sections = hasEdits(edits)
      ? (["params", "query", "body"] as const).filter((k) => edits![k] !== undefined)
      : [];
    return audited(
      sections.length ? "approval.edit" : "approval.approve",
      id,
      user,
      opts,
      () => approveInner(id, user, edits, opts),
      (r) => ({
        outcomeDetail: r.executed
          ? `executed: ${r.stepOutcome ?? "unknown"}`
          : r.edited
            ? `edited: needs ${r.required} approval${r.required === 1 ? "" : "s"} by others`
            : `vote ${r.votes} of ${r.required}`,
        details: {
          runId: r.runId,
          executed: r.executed,
          votes: r.votes,
          required: r.required,
          ...(sections.length ? { editedSections: sections } : {}),
        },
      }),
    );
  }

  async function reject(id: number, user: Decider, reason: string, opts: DecisionOptions = {}): Promise<void> {
    await audited(
      "approval.reject",
      id,
      user,
      opts,
      () => rejectInner(id, user, reason, opts),
      (r) => ({ outcomeDetail: "rejected", details: { runId: r.runId, reason } }),
    );
  }

  return { approve, reject };
}
export type Decisions = ReturnType<typeof createDecisions>;
