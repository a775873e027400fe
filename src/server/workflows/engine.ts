import crypto from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import {
  enforcedPolicy,
  explainConditions,
  matchesWorkflow,
  resolveStepRequest,
  riskOf,
  stepRefusal,
  workflowDocument,
  type ActionStep,
  type MappingContext,
  type StepRequest,
  type WorkflowDocument,
} from "../../contract/workflows/index";
import type { TriggerId } from "../../contract/postmark/index";
import type { Attempt } from "../../contract/api/workflows";
import type { Clock } from "../clock";
import { summarise } from "../events/summary";
import type { Logger } from "../logger";
import type { Actor, Execute } from "../proxy/execute";
import { createAuthority, disabledReason } from "./authority";
import type { Database } from "../store/schema";
import { backoffMs, classifyError, classifyResult, type CallOutcome } from "./outcome";
import { readStepRequest, stepCall } from "./step-request";
import type { NewRun, RunRow, RunsRepo, StepRow } from "./runs-repo";
import type { WorkflowsRepo } from "./workflows-repo";
import type { EventCursor } from "./event-cursor";
import { createWriteBatcher } from "./write-batcher";

/** The event a run starts from: a stored one (id) or a synthetic test event (id null). */
export interface EngineEvent {
  id: number | null;
  trigger: TriggerId;
  serverId: number | null;
  payload: unknown;
  stream?: string | null;
}

export interface EngineOptions {
  db: Kysely<Database>;
  workflows: WorkflowsRepo;
  runs: RunsRepo;
  execute: Execute;
  clock: Clock;
  logger: Logger;
  /** Injected by tests so that backoff takes no time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  concurrency?: number;
  /** How often queued runs, lapsed leases and expired approvals are looked for. */
  pollMs?: number;
  /** A run claimed longer ago than this without progress is taken over (PostgreSQL, several instances). */
  leaseMs?: number;
  /** Runs left `running` at start-up belong to no one (one process per SQLite file). */
  recoverAllAtStart?: boolean;
  /** Called after an item joins the approval queue (notifications hook). */
  onApprovalCreated?: (approvalId: number) => void;
  /** Called after a run ended failed (alerts hook); must not throw or block. */
  onRunFailed?: (runId: number) => void;
  /** Where the engine remembers how far it has read the event store (catch-up after a crash). */
  cursor?: EventCursor;
  /** Expire due approvals on every poll (default); off when the periodic runner does it once across instances. */
  expireInTick?: boolean;
}

type Trx = Transaction<Database>;
const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parse = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

export function createEngine(o: EngineOptions) {
  const owner = `engine-${crypto.randomBytes(4).toString("hex")}`;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = o.random ?? Math.random;
  const maxAttempts = o.maxAttempts ?? 5;
  const concurrency = o.concurrency ?? 8;
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  const iso = (ms = o.clock()) => new Date(ms).toISOString();
  const batch = createWriteBatcher(o.db);
  // Steps call Postmark as the author of their version (re-read on every use), never as the engine.
  const authority = createAuthority(o.db);

  // Versions never change once saved, so their parsed documents can be kept.
  const docs = new Map<number, WorkflowDocument>();
  async function docFor(versionId: number, q?: Trx): Promise<WorkflowDocument> {
    const hit = docs.get(versionId);
    if (hit) return hit;
    const row = await o.workflows.versionById(versionId, q);
    if (!row) throw new Error(`workflow version ${versionId} is missing`);
    const doc = workflowDocument.parse(JSON.parse(row.document));
    if (docs.size > 2000) docs.clear();
    docs.set(versionId, doc);
    return doc;
  }

  // Which workflows are enabled, cached briefly: routes invalidate it, other instances' changes show within a second.
  let enabledCache: { at: number; list: Promise<Awaited<ReturnType<WorkflowsRepo["enabled"]>>> } | null = null;
  function enabled() {
    const now = o.clock();
    // Workflows whose authors lost the authority their steps need are disabled here, not started.
    if (!enabledCache || now - enabledCache.at > 1000) enabledCache = { at: now, list: o.workflows.enabled().then((l) => authority.screen(l, (id) => docFor(id), iso(now))) };
    return enabledCache.list;
  }

  /** Creates the runs an event starts (one per matching enabled workflow); returns their ids. */
  async function startRuns(event: EngineEvent): Promise<number[]> {
    const now = iso();
    // With room in this instance, runs are born claimed by it (one commit fewer per run); else queued for any instance.
    const claim = !stopped && ready.length < concurrency * 4;
    const rows: NewRun[] = [];
    for (const w of await enabled()) {
      const doc = await docFor(w.versionId);
      if (!matchesWorkflow(doc, { type: event.trigger, payload: event.payload, serverId: event.serverId, stream: event.stream })) continue;
      const row = newRun(w.workflowId, w.versionId, w.version, event, now, { originKey: event.id === null ? null : `event:${event.id}:${w.workflowId}` });
      rows.push(claim ? { ...row, status: "running", claimed_by: owner, claimed_at: now, started_at: now } : row);
    }
    const ids = rows.length ? await batch.write((trx) => o.runs.insert(rows, trx)) : [];
    if (claim) {
      // Inserted rows come back in order; a skipped duplicate means another path already has that event.
      if (ids.length === rows.length) ids.forEach((id, i) => ready.push({ ...rows[i]!, id }));
      else for (const id of ids) ready.push((await o.runs.get(id))!);
    } else if (ids.length) maybeQueued = true;
    kick();
    return ids;
  }

  function newRun(workflowId: number, versionId: number, version: number, event: EngineEvent, now: string, x: { originKey?: string | null; test?: boolean; rerunOf?: number | null; createdBy?: string | null }): NewRun {
    return {
      workflow_id: workflowId,
      version_id: versionId,
      version,
      event_id: event.id,
      trigger: event.trigger,
      server_id: event.serverId,
      payload: JSON.stringify(event.payload ?? {}),
      origin_key: x.originKey ?? null,
      status: "queued",
      test: x.test ? 1 : 0,
      rerun_of: x.rerunOf ?? null,
      next_step: 0,
      created_by: x.createdBy ?? null,
      created_at: now,
      started_at: null,
      finished_at: null,
      claimed_by: null,
      claimed_at: null,
      error: null,
    };
  }

  /** A run outside the event flow (test, re-run); it is not queued for the pool, the caller runs it. */
  async function createRun(workflowId: number, versionId: number, version: number, event: EngineEvent, x: { test?: boolean; rerunOf?: number; createdBy: string }) {
    const [id] = await o.runs.insert([newRun(workflowId, versionId, version, event, iso(), x)]);
    return id!;
  }

  // ---- the worker pool ----
  /** Runs this instance claimed at creation, waiting for a worker. */
  const ready: RunRow[] = [];
  let maybeQueued = true;
  let active = 0;
  let stopped = false;
  const idle: (() => void)[] = [];

  function kick() {
    while (!stopped && active < concurrency && (ready.length > 0 || maybeQueued)) {
      active++;
      void worker().finally(() => {
        active--;
        if (active === 0) idle.splice(0).forEach((r) => r());
        kick();
      });
      if (ready.length === 0) break;
    }
  }

  async function worker() {
    while (!stopped) {
      let run: RunRow | null = null;
      try {
        run = ready.shift() ?? null;
        if (!run && maybeQueued) {
          run = await o.runs.claimNext(owner, iso());
          if (!run) maybeQueued = false;
        }
        if (!run) return;
        await process(run);
      } catch (e) {
        o.logger.error("workflow run failed inside the engine", { run: run?.id, error: (e as Error).message });
        // Left `running`: the lease sweep or the next start-up picks it up; nothing is re-sent blindly.
      }
    }
  }

  /** Claims a queued run and takes it as far as it goes now (to the end, or to an approval). */
  async function runNow(runId: number, opts: { autoApprove?: boolean } = {}): Promise<RunRow | null> {
    const run = await o.runs.claimById(runId, owner, iso());
    if (!run) return null;
    active++;
    try {
      await process(run, opts);
    } finally {
      active--;
      if (active === 0) idle.splice(0).forEach((r) => r());
    }
    return o.runs.get(runId);
  }

  // ---- executing one run ----
  async function process(run: RunRow, opts: { autoApprove?: boolean } = {}) {
    const doc = await docFor(run.version_id);
    const rows = await o.runs.steps(run.id);
    const payload: unknown = JSON.parse(run.payload);
    const context: MappingContext = { trigger: payload, steps: {} };
    for (const r of rows) {
      if (r.kind === "action" && (r.status === "succeeded" || r.status === "partial") && r.response !== null) context.steps[r.step_id] = JSON.parse(r.response);
    }
    for (let i = run.next_step; i < doc.steps.length; i++) {
      const step = doc.steps[i]!;
      const row = rows.find((r) => r.step_index === i);
      const last = i === doc.steps.length - 1;
      if (step.kind === "condition") {
        const result = explainConditions(step.conditions, payload, context.steps);
        const now = iso();
        await batch.write(async (trx) => {
          await o.runs.putStep(stepRow(run.id, i, step.id, "condition", result.matched ? "condition_passed" : "condition_failed", { response: json(result.rules), started_at: now, finished_at: now }), trx);
          // A false condition ends the run quietly: it counts as finished, not failed.
          if (!result.matched) await skipRest(trx, run.id, doc, i + 1);
          await o.runs.update(run.id, !result.matched || last ? finished("succeeded", now) : { next_step: i + 1, claimed_at: now }, trx);
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
          const now = iso();
          const error = { code: "unresolved", message: resolution.problems.map((p) => `${p.at ? `${p.at}: ` : ""}${p.message}`).join("; ") || "The step could not be resolved", problems: resolution.problems.map((p) => ({ at: p.at, message: p.message })) };
          await batch.write(async (trx) => {
            await o.runs.putStep(stepRow(run.id, i, step.id, "action", "failed", { request: json(resolution.request), error: json(error), started_at: now, finished_at: now }), trx);
            await skipRest(trx, run.id, doc, i + 1);
            await o.runs.update(run.id, { ...finished("failed", now), error: `Step "${step.id}" was not sent: ${error.message}` }, trx);
          });
          o.onRunFailed?.(run.id);
          return;
        }
        request = resolution.request;
      }
      // Checked before parking and before each call: the author's authority, as it is now.
      const author = await authority.authorOf(run.version_id);
      const approved = opts.autoApprove === true || (row?.approval_id ?? null) !== null;
      const refusal = author.ok ? stepRefusal(step, author.actor.role, approved) : `this workflow version cannot act for anyone: ${author.reason}`;
      if (refusal !== null || !author.ok) {
        await refuse(run, i, step, request, row ?? null, refusal ?? "");
        return;
      }
      if (!resumed && !approved && step.approval === "required") {
        await park(run, i, step, request, { uncertain: false, rowId: row?.id ?? null });
        return;
      }
      const result = await callStep(run, i, step, request, row ?? null, last, author.actor);
      if (result === "stop") return;
      context.steps[step.id] = result.response;
    }
    // Only reached when every step had already run (e.g. resumed after the last one was recorded).
    if (run.next_step >= doc.steps.length) await o.runs.update(run.id, finished("succeeded", iso()));
  }

  function stepRow(runId: number, index: number, stepId: string, kind: string, status: string, x: Partial<StepRow> = {}) {
    return {
      run_id: runId,
      step_index: index,
      step_id: stepId,
      kind,
      status,
      request: null,
      response: null,
      response_status: null,
      attempts: "[]",
      error: null,
      item_errors: null,
      started_at: null,
      finished_at: null,
      approval_id: null,
      ...x,
    };
  }

  const finished = (status: string, now: string) => ({ status, finished_at: now, claimed_by: null, claimed_at: now });

  async function skipRest(trx: Trx, runId: number, doc: WorkflowDocument, from: number) {
    for (let j = from; j < doc.steps.length; j++) await o.runs.putStep(stepRow(runId, j, doc.steps[j]!.id, doc.steps[j]!.kind, "skipped"), trx);
  }

  /** Ends the run on a step its author may not (any longer) have run; nothing reaches Postmark, and the workflow is disabled. */
  async function refuse(run: RunRow, index: number, step: ActionStep, request: StepRequest, row: StepRow | null, message: string) {
    const now = iso();
    const error = { code: "forbidden", message };
    const doc = await docFor(run.version_id);
    await batch.write(async (trx) => {
      const fields = { status: "failed", request: json(request), error: json(error), finished_at: now };
      if (row) await o.runs.updateStep(row.id, fields, trx);
      else await o.runs.putStep(stepRow(run.id, index, step.id, "action", "failed", { ...fields, started_at: now }), trx);
      await skipRest(trx, run.id, doc, index + 1);
      await o.runs.update(run.id, { ...finished("failed", now), error: `Step "${step.id}" was not sent: ${message}` }, trx);
    });
    const reason = await authority.refusal(run.version_id, doc);
    if (reason && (await authority.disable(run.workflow_id, run.version, disabledReason(reason), now))) {
      enabledCache = null;
      o.logger.warn("workflow disabled: its author lacks the authority its steps need", { workflow: run.workflow_id, run: run.id });
    }
    o.onRunFailed?.(run.id);
  }

  /** Executes one action step: in flight (durably) before each attempt, outcome recorded after; retries 429/5xx/network. */
  async function callStep(run: RunRow, index: number, step: ActionStep, request: StepRequest, row: StepRow | null, last: boolean, actor: Actor): Promise<{ response: unknown } | "stop"> {
    const attempts: Attempt[] = row ? parse<Attempt[]>(row.attempts, []) : [];
    const startedAt = row?.started_at ?? iso();
    let rowId = row?.id ?? null;
    const approvalId = row?.approval_id ?? null;
    for (;;) {
      const n = attempts.length + 1;
      const attempt: Attempt = { n, startedAt: iso(), finishedAt: null, status: null, error: null };
      attempts.push(attempt);
      const inFlight = stepRow(run.id, index, step.id, "action", "in_flight", { request: json(request), attempts: json(attempts)!, started_at: startedAt, approval_id: approvalId });
      const existing = rowId;
      rowId = await batch.write(async (trx) => {
        // Fenced: only while this instance still holds the run's lease is the call recorded and made.
        await o.runs.holdLease(run.id, owner, iso(), trx);
        if (existing === null) return o.runs.insertStep(inFlight, trx);
        await o.runs.updateStep(existing, { status: "in_flight", request: inFlight.request, attempts: inFlight.attempts }, trx);
        return existing;
      });
      let outcome: CallOutcome;
      try {
        outcome = classifyResult(await o.execute({ user: actor, workflow: { runId: run.id, workflowId: run.workflow_id, version: run.version, stepId: step.id }, ...stepCall(request) }));
      } catch (e) {
        outcome = classifyError(e);
      }
      const now = iso();
      attempt.finishedAt = now;
      attempt.status = outcome.status;
      attempt.error = outcome.kind === "ok" ? null : outcome.error.message;
      const common = { request: json(request), response: json(outcome.response), response_status: outcome.status, attempts: json(attempts)! };
      if (outcome.kind === "ok") {
        const partial = outcome.itemErrors.length > 0;
        const id = rowId;
        await batch.write(async (trx) => {
          await o.runs.updateStep(id, { ...common, status: partial ? "partial" : "succeeded", item_errors: partial ? json(outcome.itemErrors) : null, error: null, finished_at: now }, trx);
          await o.runs.update(run.id, last ? finished("succeeded", now) : { next_step: index + 1, claimed_at: now }, trx);
        });
        return { response: outcome.response };
      }
      if (outcome.kind === "retry" && outcome.error.code === "upstream_timeout" && riskOf(step.operationId) !== "read") {
        // The answer was lost, not refused: Postmark may have acted. As after a crash, a person decides.
        const id = rowId;
        await batch.write((trx) => o.runs.updateStep(id, { ...common, error: json(outcome.error) }, trx));
        await park(run, index, step, request, { uncertain: true, rowId: id });
        return "stop";
      }
      if (outcome.kind === "retry" && n < maxAttempts) {
        // The answer was definite (429/5xx/unreachable), so the next attempt is not a blind re-send.
        const id = rowId;
        await batch.write(async (trx) => {
          await o.runs.updateStep(id, { ...common, status: "retrying", error: json(outcome.error) }, trx);
          await o.runs.update(run.id, { claimed_at: now }, trx);
        });
        await sleep(backoffMs(n, o.baseDelayMs ?? 500, o.maxDelayMs ?? 30_000, random));
        continue;
      }
      const id = rowId;
      const doc = await docFor(run.version_id);
      await batch.write(async (trx) => {
        await o.runs.updateStep(id, { ...common, status: "failed", error: json(outcome.error), finished_at: now }, trx);
        await skipRest(trx, run.id, doc, index + 1);
        await o.runs.update(run.id, { ...finished("failed", now), error: `Step "${step.id}" failed: ${outcome.error.message}` }, trx);
      });
      o.onRunFailed?.(run.id);
      return "stop";
    }
  }

  /** Parks the run on a step: an approval item (pending, expiring per policy) and the run waits. */
  async function park(run: RunRow, index: number, step: ActionStep, request: StepRequest, x: { uncertain: boolean; rowId: number | null }, trxIn?: Trx) {
    const version = await o.workflows.versionById(run.version_id, trxIn);
    // The server's minimums, whatever the document says: a non-admin's destructive step needs two approvers, not the author.
    const author = await authority.authorOf(run.version_id, trxIn);
    const policy = enforcedPolicy(step, author.ok ? author.actor.role : null);
    const now = o.clock();
    const work = async (trx: Trx) => {
      const rowId =
        x.rowId ??
        (await o.runs.putStep(stepRow(run.id, index, step.id, "action", "waiting_approval", { request: json(request), started_at: iso(now) }), trx));
      const approval = await trx
        .insertInto("approvals")
        .values({
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
          event_summary: JSON.stringify(summarise(run.trigger as TriggerId, JSON.parse(run.payload))),
          created_at: iso(now),
          expires_at: iso(now + policy.expiresInHours * 3_600_000),
          decided_at: null,
          decided_by: null,
          reason: null,
          edited: null,
          outcome: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const approvalId = Number(approval.id);
      await o.runs.updateStep(rowId, { status: x.uncertain ? "uncertain" : "waiting_approval", request: JSON.stringify(request), approval_id: approvalId }, trx);
      await o.runs.update(run.id, { status: "waiting", next_step: index, claimed_by: null, claimed_at: iso(now) }, trx);
      return approvalId;
    };
    const approvalId = trxIn ? await work(trxIn) : await o.db.transaction().execute(work);
    o.onApprovalCreated?.(approvalId);
    return approvalId;
  }

  // ---- recovery, expiry, polling ----

  /**
   * Takes over runs nobody is working on. A step left in flight may have reached Postmark, so it is
   * never re-sent: it goes to the approval queue marked uncertain. Other runs are queued again.
   */
  async function recover(all: boolean): Promise<{ requeued: number; uncertain: number }> {
    const abandoned = await o.runs.abandoned(all ? null : iso(o.clock() - leaseMs));
    let requeued = 0;
    let uncertain = 0;
    for (const run of abandoned) {
      const rows = await o.runs.steps(run.id);
      const inFlight = rows.find((r) => r.status === "in_flight");
      if (inFlight) {
        const doc = await docFor(run.version_id);
        const step = doc.steps[inFlight.step_index];
        const stored = inFlight.request;
        if (step?.kind !== "action" || !stored) continue;
        const attempts = parse<Attempt[]>(inFlight.attempts, []);
        const lastAttempt = attempts.at(-1);
        if (lastAttempt && lastAttempt.finishedAt === null) lastAttempt.error = "Mailroom stopped during this call; it may have run";
        await o.db.transaction().execute(async (trx) => {
          // Claim it for recovery with a conditional update, so two instances never both queue it.
          if (!(await o.runs.takeOver(run, owner, iso(), trx))) return;
          await o.runs.updateStep(inFlight.id, { attempts: JSON.stringify(attempts) }, trx);
          await park(run, inFlight.step_index, step, readStepRequest(stored), { uncertain: true, rowId: inFlight.id }, trx);
          uncertain++;
        });
      } else if (await o.runs.requeueAbandoned(run)) requeued++;
    }
    if (requeued) {
      maybeQueued = true;
      kick();
    }
    return { requeued, uncertain };
  }

  /** Pending approvals past their expiry end their runs (status expired). */
  async function expireDue(): Promise<number> {
    const now = iso();
    const due = await o.db.selectFrom("approvals").select("id").where("status", "=", "pending").where("expires_at", "<=", now).limit(500).execute();
    let n = 0;
    for (const { id } of due) if (await expireOne(Number(id), now)) n++;
    return n;
  }

  async function expireOne(id: number, now: string, trxIn?: Trx): Promise<boolean> {
    const work = async (trx: Trx) => {
      const r = await trx.updateTable("approvals").set({ status: "expired", decided_at: now, outcome: "expired" }).where("id", "=", id).where("status", "=", "pending").returningAll().executeTakeFirst();
      if (!r) return false;
      await endParkedRun(trx, r.run_id, r.step_row_id, "expired", now, "The approval request expired");
      return true;
    };
    return trxIn ? work(trxIn) : o.db.transaction().execute(work);
  }

  /** Ends a run parked on a step that will not run (rejected or expired). */
  async function endParkedRun(trx: Trx, runId: number, stepRowId: number, status: "rejected" | "expired", now: string, error: string) {
    const run = await o.runs.get(runId, trx);
    await o.runs.updateStep(stepRowId, { status, finished_at: now }, trx);
    if (run) {
      const doc = await docFor(run.version_id, trx);
      const stepRow = await o.runs.step(stepRowId, trx);
      if (stepRow) await skipRest(trx, runId, doc, stepRow.step_index + 1);
    }
    await o.runs.update(runId, { ...finished(status, now), error }, trx);
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  let unsubscribe: (() => void) | null = null;
  async function tick() {
    await recover(false).catch((e: Error) => o.logger.error("workflow recovery failed", { error: e.message }));
    if (o.expireInTick !== false) await expireDue().catch((e: Error) => o.logger.error("approval expiry failed", { error: e.message }));
    await o.cursor?.flush().catch((e: Error) => o.logger.error("could not save the event cursor", { error: e.message }));
    maybeQueued = true;
    kick();
  }

  return {
    owner,
    startRuns,
    createRun,
    runNow,
    kick,
    recover,
    expireDue,
    expireOne,
    endParkedRun,
    docFor,
    authority,
    invalidate: () => void (enabledCache = null),
    /** Subscribes to the event bus, recovers what a previous process left, and polls. */
    async start(subscribe?: (listener: (e: { id: number; trigger: TriggerId | null; serverId: number | null; payload: unknown; summary?: { messageStream?: string | null } }) => void) => () => void) {
      stopped = false;
      if (subscribe) {
        unsubscribe = subscribe((e) => {
          if (e.trigger === null) return;
          const work = startRuns({ id: e.id, trigger: e.trigger, serverId: e.serverId, payload: e.payload, stream: e.summary?.messageStream ?? null }).catch((err: Error) =>
            o.logger.error("could not start workflow runs for an event", { event: e.id, error: err.message }),
          );
          o.cursor?.track(e.id, work);
        });
      }
      await recover(o.recoverAllAtStart ?? false);
      // Subscribed first, so nothing falls between the stored backlog and the live bus.
      if (o.cursor) {
        const handed = await o.cursor.catchUp(startRuns);
        if (handed) o.logger.info("workflow engine caught up with stored events", { events: handed });
      }
      maybeQueued = true;
      kick();
      timer = setInterval(() => void tick(), o.pollMs ?? 1000);
      timer.unref?.();
    },
    /** Stops taking work and waits for runs in progress to reach a resting point. */
    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clearInterval(timer);
      timer = null;
      if (active > 0) await new Promise<void>((r) => idle.push(r));
      await o.cursor?.flush().catch((e: Error) => o.logger.error("could not save the event cursor", { error: e.message }));
    },
    stats: () => ({ active, ready: ready.length }),
  };
}
export type Engine = ReturnType<typeof createEngine>;
