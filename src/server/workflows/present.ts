import type { RunDetail, RunStep, RunSummary } from "../../contract/api/workflows";
import type { WorkflowTriggerId } from "../../contract/workflows/trigger-ids";
import type { Kysely } from "kysely";
import type { ApprovalsRepo } from "../approvals/approvals-repo";
import { parseMasked } from "../proxy/secret-mask";
import type { Database } from "../store/schema";
import type { RunRow, StepRow } from "./runs-repo";

const parse = (t: string | null): unknown => (t === null ? null : JSON.parse(t));

/**
 * A step's request or Postmark's answer as a browser may see it: webhook credentials masked, as
 * the proxy masks them (a step that listed webhooks must not hand their passwords to a viewer).
 */
export const parseForBrowser = (t: string | null): unknown => (t === null ? null : parseMasked(t));

export function presentRunSummary(r: RunRow, workflowName: string): RunSummary {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    workflowName,
    version: r.version,
    status: r.status as RunSummary["status"],
    test: r.test === 1,
    eventId: r.event_id,
    trigger: r.trigger as WorkflowTriggerId,
    serverId: r.server_id,
    rerunOf: r.rerun_of,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    durationMs: r.finished_at ? Date.parse(r.finished_at) - Date.parse(r.started_at ?? r.created_at) : null,
    error: r.error,
  };
}

/** Workflow names by id (deleted ones too: their runs stay readable). */
export async function workflowNames(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!ids.length) return out;
  for (const r of await db
    .selectFrom("workflows")
    .select(["id", "name"])
    .where("id", "in", [...new Set(ids)])
    .execute())
    out.set(Number(r.id), r.name);
  return out;
}

/** A run with every step: resolved request, answer, attempts, error, and the approval decision. */
export async function presentRunDetail(
  db: Kysely<Database>,
  approvalsRepo: ApprovalsRepo,
  r: RunRow,
  steps: StepRow[],
): Promise<RunDetail> {
  const names = await workflowNames(db, [r.workflow_id]);
  const approvalIds = steps.map((s) => s.approval_id).filter((v): v is number => v !== null);
  const approvals = await approvalsRepo.byIds(approvalIds);
  const votes = await approvalsRepo.votesOf(approvalIds);
  const presentStep = (s: StepRow): RunStep => {
    const a = approvals.find((x) => Number(x.id) === s.approval_id);
    return {
      index: s.step_index,
      stepId: s.step_id,
      kind: s.kind as RunStep["kind"],
      status: s.status as RunStep["status"],
      request: parseForBrowser(s.request),
      response: parseForBrowser(s.response),
      responseStatus: s.response_status,
      attempts: JSON.parse(s.attempts) as RunStep["attempts"],
      error: parse(s.error) as RunStep["error"],
      itemErrors: (parse(s.item_errors) ?? []) as RunStep["itemErrors"],
      startedAt: s.started_at,
      finishedAt: s.finished_at,
      approval: a
        ? {
            id: Number(a.id),
            status: a.status as "pending",
            uncertain: a.uncertain === 1,
            approvers: votes
              .filter((v) => Number(v.approval_id) === Number(a.id))
              .map((v) => ({ userId: Number(v.user_id), username: v.username, at: v.at })),
            decidedAt: a.decided_at,
            decidedBy: a.decided_by,
            reason: a.reason,
            edited: a.edited !== null,
          }
        : null,
    };
  };
  return {
    ...presentRunSummary(r, names.get(r.workflow_id) ?? ""),
    payload: JSON.parse(r.payload),
    steps: steps.map(presentStep),
  };
}
