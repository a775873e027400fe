import type { ApprovalItem } from "../../contract/api/approvals";
import { diffJson, type JsonChange } from "../../contract/json-diff";
import { operations, type OperationId } from "../../contract/postmark/index";
import type { WorkflowTriggerId } from "../../contract/workflows/trigger-ids";
import type { StepRequest } from "../../contract/workflows/index";
import type { Services } from "../services";
import { parseMasked, SECRET_MASK } from "../proxy/secret-mask";
import { readStepRequest } from "../workflows/step-request";
import { blastRadius } from "./blast-radius";
import type { ApprovalRow } from "./approvals-repo";
import { editRecord } from "./decide";

/** Approval rows → what the queue shows: the run, workflow, step, event, exact request, blast radius, votes. */
export async function presentApprovals(
  s: Pick<Services, "store" | "workflows">,
  rows: ApprovalRow[],
): Promise<ApprovalItem[]> {
  if (!rows.length) return [];
  const { db } = s.store;
  const { engine, approvals } = s.workflows;
  const ids = rows.map((r) => r.id);
  const runs = await db
    .selectFrom("workflow_runs")
    .select(["id", "version_id", "version", "event_id", "trigger", "server_id"])
    .where("id", "in", [...new Set(rows.map((r) => r.run_id))])
    .execute();
  const names = await db
    .selectFrom("workflows")
    .select(["id", "name"])
    .where("id", "in", [...new Set(rows.map((r) => r.workflow_id))])
    .execute();
  const votes = await approvals.votesOf(ids);
  const out: ApprovalItem[] = [];
  for (const r of rows) {
    const run = runs.find((x) => Number(x.id) === r.run_id);
    if (!run) continue;
    const doc = await engine.docFor(Number(run.version_id));
    const step = doc.steps[r.step_index];
    const request = readStepRequest(r.request);
    const opId = (step?.kind === "action" ? step.operationId : request.operationId) as OperationId;
    const op = operations[opId];
    const shown = (q: StepRequest) => ({
      method: q.method,
      path: q.path,
      params: q.params ?? {},
      query: q.query ?? {},
      body: q.body ?? null,
      serverId: q.serverId,
    });
    // The differences an approver reads: the path says what the parameters changed, once.
    const compared = ({ params: _params, ...rest }: ReturnType<typeof shown>) => rest;
    const real = shown(request);
    const edit = editRecord(r);
    const realOriginal = edit && r.original_request !== null ? shown(readStepRequest(r.original_request)) : null;
    // Shown as the proxy and the run views show requests: webhook credentials masked, whoever looks
    // (the blast radius too: a URL's user:password@host reads like an address).
    const current = masked(real);
    const original = realOriginal && masked(realOriginal);
    out.push({
      id: r.id,
      status: r.status as ApprovalItem["status"],
      uncertain: r.uncertain === 1,
      runId: r.run_id,
      workflow: {
        id: r.workflow_id,
        name: names.find((n) => Number(n.id) === r.workflow_id)?.name ?? "",
        version: Number(run.version),
      },
      step: { id: step?.id ?? "", name: step?.name ?? null, operationId: op.id, title: op.title, risk: op.risk },
      event: {
        id: run.event_id === null ? null : Number(run.event_id),
        trigger: run.trigger as WorkflowTriggerId,
        serverId: run.server_id,
        summary: JSON.parse(r.event_summary) as Record<string, unknown>,
      },
      request: current,
      blastRadius: blastRadius(op.id, current),
      policy: {
        approvers: r.required_approvers,
        allowSelfApproval: r.allow_self_approval === 1,
        author: r.author_name,
      },
      approvals: votes
        .filter((v) => v.approval_id === r.id)
        .map((v) => ({ userId: v.user_id, username: v.username, at: v.at })),
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by,
      reason: r.reason,
      edited: r.edited !== null,
      edit:
        edit && original
          ? {
              by: edit.by,
              byId: edit.byId ?? null,
              at: edit.at,
              original,
              originalBlastRadius: blastRadius(op.id, original),
              changes: maskedChanges(compared(realOriginal!), compared(real)),
            }
          : null,
      outcome: r.outcome,
    });
  }
  return out;
}

const masked = <T>(v: T): T => parseMasked(JSON.stringify(v)) as T;

/**
 * The edit's differences as an approver may read them: compared on the real requests, so a changed
 * secret still shows as a change (its path), but each side is masked as the requests are.
 */
function maskedChanges(before: unknown, after: unknown): JsonChange[] {
  // Masking keeps the shape, so every difference of the masked sides is one of the real ones.
  const shownChanges = new Map(diffJson(masked(before), masked(after)).map((c) => [c.path, c]));
  return diffJson(before, after).map(
    (c) =>
      shownChanges.get(c.path) ?? {
        path: c.path,
        kind: c.kind,
        ...(c.before === undefined ? {} : { before: SECRET_MASK }),
        ...(c.after === undefined ? {} : { after: SECRET_MASK }),
      },
  );
}
