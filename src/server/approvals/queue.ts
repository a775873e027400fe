import type { Kysely, Transaction } from "kysely";
import type { WorkflowTriggerId } from "../../contract/workflows/trigger-ids";
import {
  enforcedPolicy,
  type ActionStep,
  type StepRequest,
  type WorkflowDocument,
} from "../../contract/workflows/index";
import type { Clock } from "../clock";
import { summarise } from "../events/summary";
import type { Database } from "../store/schema";
import type { WorkflowAuthority } from "../workflows/authority";
import { finished, skipRest, stepRow } from "../workflows/run-rows";
import type { RunRow, RunsRepo } from "../workflows/runs-repo";
import type { WorkflowsRepo } from "../workflows/workflows-repo";
import type { ApprovalRow, ApprovalsRepo } from "./approvals-repo";

type Trx = Transaction<Database>;

export interface ApprovalQueueDeps {
  db: Kysely<Database>;
  approvals: ApprovalsRepo;
  runs: RunsRepo;
  workflows: WorkflowsRepo;
  authority: WorkflowAuthority;
  docFor: (versionId: number, q?: Trx) => Promise<WorkflowDocument>;
  clock: Clock;
  /** Called after an item joins the queue (notifications hook). */
  onApprovalCreated?: (approvalId: number) => void;
}

/**
 * The approval queue's lifecycle, in one place: a run parks on a step (pending item, run
 * waiting), and the item ends approved (the run is queued again to run exactly the request
 * shown), rejected or expired (the run ends, later steps skipped). Who may decide, and votes, are
 * decide.ts's business; every state change of an item and its run happens here.
 */
export function createApprovalQueue(d: ApprovalQueueDeps) {
  const iso = (ms = d.clock()) => new Date(ms).toISOString();

  /** Parks the run on a step: an approval item (pending, expiring per policy) and the run waits. */
  async function park(
    run: RunRow,
    index: number,
    step: ActionStep,
    request: StepRequest,
    x: { uncertain: boolean; rowId: number | null },
    trxIn?: Trx,
  ): Promise<number> {
    const version = await d.workflows.versionById(run.version_id, trxIn);
    // The server's minimums, whatever the document says: a non-admin's destructive step needs two approvers, not the author.
    const author = await d.authority.authorOf(run.version_id, trxIn);
    const policy = enforcedPolicy(step, author.ok ? author.actor.role : null);
    const now = d.clock();
    const work = async (trx: Trx) => {
      const rowId =
        x.rowId ??
        (await d.runs.putStep(
          stepRow(run.id, index, step.id, "action", "waiting_approval", {
            request: JSON.stringify(request),
            started_at: iso(now),
          }),
          trx,
        ));
      const approvalId = await d.approvals.insert(
        {
          run_id: run.id,
          step_row_id: rowId,
          step_index: index,
          workflow_id: run.workflow_id,
          status: "pending",
          uncertain: x.uncertain ? 1 : 0,
          required_approvers: policy.approvers,
          allow_self_approval: policy.allowSelfApproval ? 1 : 0,
          author_id: version?.saved_by ?? null,
          author_name: version?.saved_by_name ?? null,
          request: JSON.stringify(request),
          event_summary: JSON.stringify(summarise(run.trigger as WorkflowTriggerId, JSON.parse(run.payload))),
          created_at: iso(now),
          expires_at: iso(now + policy.expiresInHours * 3_600_000),
          decided_at: null,
          decided_by: null,
          reason: null,
          edited: null,
          outcome: null,
        },
        trx,
      );
      await d.runs.updateStep(
        rowId,
        {
          status: x.uncertain ? "uncertain" : "waiting_approval",
          request: JSON.stringify(request),
          approval_id: approvalId,
        },
        trx,
      );
      await d.runs.update(run.id, { status: "waiting", next_step: index, claimed_by: null, claimed_at: iso(now) }, trx);
      return approvalId;
    };
    const approvalId = trxIn ? await work(trxIn) : await d.db.transaction().execute(work);
    d.onApprovalCreated?.(approvalId);
    return approvalId;
  }

  /** Ends a run parked on a step that will not run (rejected or expired). */
  async function endParkedRun(
    trx: Trx,
    runId: number,
    stepRowId: number,
    status: "rejected" | "expired",
    now: string,
    error: string,
  ) {
    const run = await d.runs.get(runId, trx);
    await d.runs.updateStep(stepRowId, { status, finished_at: now }, trx);
    if (run) {
      const doc = await d.docFor(run.version_id, trx);
      const row = await d.runs.step(stepRowId, trx);
      if (row) await skipRest(d.runs, trx, runId, doc, row.step_index + 1);
    }
    await d.runs.update(runId, { ...finished(status, now), error }, trx);
  }

  /** A pending item past its expiry ends its run (status expired); false when it was no longer pending. */
  async function expireOne(id: number, now: string, trxIn?: Trx): Promise<boolean> {
    const work = async (trx: Trx) => {
      const r = await d.approvals.expire(id, now, trx);
      if (!r) return false;
      await endParkedRun(trx, r.run_id, r.step_row_id, "expired", now, "The approval request expired");
      return true;
    };
    return trxIn ? work(trxIn) : d.db.transaction().execute(work);
  }

  /** Pending items past their expiry end their runs. */
  async function expireDue(): Promise<number> {
    const now = iso();
    let n = 0;
    for (const id of await d.approvals.dueIds(now)) if (await expireOne(id, now)) n++;
    return n;
  }

  /** The last vote came in: the item is approved and its run queued to run exactly the request shown; false if decided meanwhile. */
  async function approved(trx: Trx, item: ApprovalRow, now: string, decidedBy: string): Promise<boolean> {
    if (!(await d.approvals.markApproved(item.id, now, decidedBy, trx))) return false;
    await d.runs.updateStep(item.step_row_id, { status: "approved", request: item.request }, trx);
    await d.runs.resumeParked(item.run_id, trx);
    return true;
  }

  /** A rejection ends the run; false if the item was decided meanwhile. */
  async function rejected(trx: Trx, item: ApprovalRow, now: string, by: string, reason: string): Promise<boolean> {
    if (!(await d.approvals.markRejected(item.id, now, by, reason, trx))) return false;
    await endParkedRun(trx, item.run_id, item.step_row_id, "rejected", now, `Rejected by ${by}: ${reason}`);
    return true;
  }

  /** After an approved step ran: its status is the item's outcome. */
  async function recordOutcome(id: number): Promise<string | null> {
    const status = await d.runs.stepStatusByApproval(id);
    await d.approvals.setOutcome(id, status);
    return status;
  }

  return { park, endParkedRun, expireOne, expireDue, approved, rejected, recordOutcome };
}
export type ApprovalQueue = ReturnType<typeof createApprovalQueue>;
