import type { Attempt } from "../../contract/api/workflows";
import {
  explainConditions,
  resolveStepRequest,
  riskOf,
  stepRefusal,
  type ActionStep,
  type MappingContext,
  type StepRequest,
} from "../../contract/workflows/index";
import type { ApprovalQueue } from "../approvals/queue";
import type { Logger } from "../logger";
import type { Actor, Execute } from "../proxy/execute";
import { parseMasked } from "../proxy/secret-mask";
import { disabledReason, type WorkflowAuthority } from "./authority";
import { backoffMs, classifyError, classifyResult, type CallOutcome } from "./outcome";
import { finished, json, parseOr, skipRest, stepRow } from "./run-rows";
import { LeaseLost, type RunRow, type RunsRepo, type StepRow } from "./runs-repo";
import { readStepRequest, stepBody, stepCall } from "./step-request";
import type { DocFor } from "./workflow-docs";
import type { WriteBatcher } from "./write-batcher";

export interface StepRunnerOptions {
  runs: RunsRepo;
  docFor: DocFor;
  authority: WorkflowAuthority;
  queue: ApprovalQueue;
  execute: Execute;
  batch: WriteBatcher;
  owner: string;
  now: () => string;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A workflow was disabled (its author lost authority): the list of enabled ones is stale. */
  onDisabled: () => void;
  onRunFailed?: (runId: number) => void;
}

/**
 * Takes one claimed run step by step. A step row moves through
 *   (none) → in_flight → succeeded | partial | retrying → … | failed
 *   (none) → waiting_approval → approved → in_flight → …   (rejected | expired end the run)
 *   in_flight whose answer was lost → uncertain (a person decides; it may have run)
 * and the run's `next_step` advances with each finished step, so a run resumed after a crash or an
 * approval continues where it stood. Every state is written before the call it announces.
 */
export function createStepRunner(o: StepRunnerOptions) {
  const failed = (runId: number) => o.onRunFailed?.(runId);

  /** Takes the run as far as it goes now: to the end, to a failure, or to an approval. `steps`: its rows, if known. */
  async function process(run: RunRow, opts: { autoApprove?: boolean; steps?: StepRow[] } = {}) {
    const doc = await o.docFor(run.version_id);
    // The pool hands over the rows it already knows (none for a run it just created), saving a read.
    const rows = opts.steps ?? (await o.runs.steps(run.id));
    const payload: unknown = JSON.parse(run.payload);
    const context: MappingContext = { trigger: payload, steps: {} };
    for (const r of rows) {
      if (r.kind === "action" && (r.status === "succeeded" || r.status === "partial") && r.response !== null)
        context.steps[r.step_id] = parseMasked(r.response); // rows stored before answers were masked
    }
    for (let i = run.next_step; i < doc.steps.length; i++) {
      const step = doc.steps[i]!;
      const row = rows.find((r) => r.step_index === i);
      const last = i === doc.steps.length - 1;
      if (step.kind === "condition") {
        const result = explainConditions(step.conditions, payload, context.steps);
        const now = o.now();
        await o.batch.write(async (trx) => {
          await o.runs.putStep(
            stepRow(run.id, i, step.id, "condition", result.matched ? "condition_passed" : "condition_failed", {
              response: json(result.rules),
              started_at: now,
              finished_at: now,
            }),
            trx,
          );
          // A false condition ends the run quietly: it counts as finished, not failed.
          if (!result.matched) await skipRest(o.runs, trx, run.id, doc, i + 1);
          await o.runs.update(
            run.id,
            !result.matched || last ? finished("succeeded", now) : { next_step: i + 1, claimed_at: now },
            trx,
          );
        });
        if (!result.matched) return;
        continue;
      }
      let request: StepRequest;
      const resumed = !!row && (row.status === "approved" || row.status === "retrying") && !!row.request;
      if (row && resumed && row.request) {
        request = readStepRequest(row.request);
      } else {
        const resolution = resolveStepRequest(step, context, run.server_id);
        if (resolution.problems.length > 0 || !resolution.request) {
          const now = o.now();
          const error = {
            code: "unresolved",
            message:
              resolution.problems.map((p) => `${p.at ? `${p.at}: ` : ""}${p.message}`).join("; ") ||
              "The step could not be resolved",
            problems: resolution.problems.map((p) => ({ at: p.at, message: p.message })),
          };
          await o.batch.write(async (trx) => {
            await o.runs.putStep(
              stepRow(run.id, i, step.id, "action", "failed", {
                request: json(resolution.request),
                error: json(error),
                started_at: now,
                finished_at: now,
              }),
              trx,
            );
            await skipRest(o.runs, trx, run.id, doc, i + 1);
            await o.runs.update(
              run.id,
              { ...finished("failed", now), error: `Step "${step.id}" was not sent: ${error.message}` },
              trx,
            );
          });
          failed(run.id);
          return;
        }
        request = resolution.request;
      }
      // Checked before parking and before each call: the author's authority, as it is now.
      const author = await o.authority.authorOf(run.version_id);
      const approved = opts.autoApprove === true || (row?.approval_id ?? null) !== null;
      const refusal = author.ok
        ? stepRefusal(step, author.actor.role, approved)
        : `this workflow version cannot act for anyone: ${author.reason}`;
      if (refusal !== null || !author.ok) {
        await refuse(run, i, step, request, row ?? null, refusal ?? "");
        return;
      }
      if (!resumed && !approved && step.approval === "required") {
        await o.queue.park(run, i, step, request, { uncertain: false, rowId: row?.id ?? null });
        return;
      }
      const result = await callStep(run, i, step, request, row ?? null, last, author.actor);
      if (result === "stop") return;
      context.steps[step.id] = result.response;
    }
    // Only reached when every step had already run (e.g. resumed after the last one was recorded).
    if (run.next_step >= doc.steps.length) await o.runs.update(run.id, finished("succeeded", o.now()));
  }

  /** Ends the run on a step its author may not (any longer) have run; nothing reaches Postmark, and the workflow is disabled. */
  async function refuse(
    run: RunRow,
    index: number,
    step: ActionStep,
    request: StepRequest,
    row: StepRow | null,
    message: string,
  ) {
    const now = o.now();
    const error = { code: "forbidden", message };
    const doc = await o.docFor(run.version_id);
    await o.batch.write(async (trx) => {
      const fields = { status: "failed", request: json(request), error: json(error), finished_at: now };
      if (row) await o.runs.updateStep(row.id, fields, trx);
      else
        await o.runs.putStep(stepRow(run.id, index, step.id, "action", "failed", { ...fields, started_at: now }), trx);
      await skipRest(o.runs, trx, run.id, doc, index + 1);
      await o.runs.update(
        run.id,
        { ...finished("failed", now), error: `Step "${step.id}" was not sent: ${message}` },
        trx,
      );
    });
    const reason = await o.authority.refusal(run.version_id, doc);
    if (reason && (await o.authority.disable(run.workflow_id, run.version, disabledReason(reason), now))) {
      o.onDisabled();
      o.logger.warn("workflow disabled: its author lacks the authority its steps need", {
        workflow: run.workflow_id,
        run: run.id,
      });
    }
    failed(run.id);
  }

  /** Executes one action step: in flight (durably) before each attempt, outcome recorded after; retries 429/5xx/network. */
  async function callStep(
    run: RunRow,
    index: number,
    step: ActionStep,
    request: StepRequest,
    row: StepRow | null,
    last: boolean,
    actor: Actor,
  ): Promise<{ response: unknown } | "stop"> {
    const attempts: Attempt[] = row ? parseOr<Attempt[]>(row.attempts, []) : [];
    const startedAt = row?.started_at ?? o.now();
    let rowId = row?.id ?? null;
    const approvalId = row?.approval_id ?? null;
    for (;;) {
      const n = attempts.length + 1;
      const attempt: Attempt = { n, startedAt: o.now(), finishedAt: null, status: null, error: null };
      attempts.push(attempt);
      const inFlight = stepRow(run.id, index, step.id, "action", "in_flight", {
        request: json(request),
        attempts: json(attempts)!,
        started_at: startedAt,
        approval_id: approvalId,
      });
      const existing = rowId;
      // Fenced: only while this instance still holds the run's lease is the call recorded and made.
      const id =
        existing === null
          ? await o.batch.merge(o.runs.stepsHeld, { row: inFlight, owner: o.owner, now: o.now() }).then(leaseHeld(run))
          : await o.batch.write(async (trx) => {
              await o.runs.holdLease(run.id, o.owner, o.now(), trx);
              await o.runs.updateStep(
                existing,
                { status: "in_flight", request: inFlight.request, attempts: inFlight.attempts },
                trx,
              );
              return existing;
            });
      rowId = id;
      let outcome: CallOutcome;
      try {
        const workflow = { runId: run.id, workflowId: run.workflow_id, version: run.version, stepId: step.id };
        const read = (path: string) =>
          o.execute({ method: "GET", path, serverId: request.serverId, user: actor, workflow });
        const call = { user: actor, workflow, ...stepCall(request) };
        outcome = classifyResult(await o.execute({ ...call, body: await stepBody(call, read) }));
      } catch (e) {
        outcome = classifyError(e);
      }
      const now = o.now();
      attempt.finishedAt = now;
      attempt.status = outcome.status;
      attempt.error = outcome.kind === "ok" ? null : outcome.error.message;
      const common = {
        request: json(request),
        response: json(outcome.response),
        response_status: outcome.status,
        attempts: json(attempts)!,
      };
      if (outcome.kind === "ok") {
        const partial = outcome.itemErrors.length > 0;
        await o.batch.merge(o.runs.outcomes, {
          stepId: id,
          stepPatch: {
            ...common,
            status: partial ? "partial" : "succeeded",
            item_errors: partial ? json(outcome.itemErrors) : null,
            error: null,
            finished_at: now,
          },
          runId: run.id,
          runPatch: last ? finished("succeeded", now) : { next_step: index + 1, claimed_at: now },
        });
        return { response: outcome.response };
      }
      if (
        outcome.kind === "retry" &&
        outcome.error.code === "upstream_timeout" &&
        riskOf(step.operationId) !== "read"
      ) {
        // The answer was lost, not refused: Postmark may have acted. As after a crash, a person decides.
        await o.batch.write((trx) => o.runs.updateStep(id, { ...common, error: json(outcome.error) }, trx));
        await o.queue.park(run, index, step, request, { uncertain: true, rowId: id });
        return "stop";
      }
      if (outcome.kind === "retry" && n < o.maxAttempts) {
        // The answer was definite (429/5xx/unreachable), so the next attempt is not a blind re-send.
        await o.batch.write(async (trx) => {
          await o.runs.updateStep(id, { ...common, status: "retrying", error: json(outcome.error) }, trx);
          await o.runs.update(run.id, { claimed_at: now }, trx);
        });
        await o.sleep(backoffMs(n, o.baseDelayMs, o.maxDelayMs, o.random));
        continue;
      }
      const doc = await o.docFor(run.version_id);
      await o.batch.write(async (trx) => {
        await o.runs.updateStep(id, { ...common, status: "failed", error: json(outcome.error), finished_at: now }, trx);
        await skipRest(o.runs, trx, run.id, doc, index + 1);
        await o.runs.update(
          run.id,
          { ...finished("failed", now), error: `Step "${step.id}" failed: ${outcome.error.message}` },
          trx,
        );
      });
      failed(run.id);
      return "stop";
    }
  }

  return { process };
}

/** The id of a step row written under the run's lease; null (the lease was lost) stops this engine's work on it. */
const leaseHeld =
  (run: RunRow) =>
  (id: number | null): number => {
    if (id === null) throw new LeaseLost(run.id);
    return id;
  };
