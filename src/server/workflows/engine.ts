import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { ApprovalsRepo } from "../approvals/approvals-repo";
import { createApprovalQueue } from "../approvals/queue";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Execute } from "../proxy/execute";
import type { Database } from "../store/schema";
import { createAuthority } from "./authority";
import type { EventCursor } from "./event-cursor";
import { createRecovery } from "./recovery";
import type { BusEvent } from "../events/bus";
import { storedEvent } from "./engine-event";
import { createRunStarter } from "./run-starter";
import type { RunsRepo } from "./runs-repo";
import { createStepRunner } from "./step-runner";
import { createWorkerPool } from "./worker-pool";
import { createWorkflowDocs } from "./workflow-docs";
import type { WorkflowsRepo } from "./workflows-repo";
import { createWriteBatcher } from "./write-batcher";

export type { EngineEvent } from "./engine-event";

export interface EngineOptions {
  db: Kysely<Database>;
  workflows: WorkflowsRepo;
  runs: RunsRepo;
  approvals: ApprovalsRepo;
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
  /**
   * Several instances (PostgreSQL): `announce` tells the others that runs were queued, `listen` hears it
   * (a wake-up only: a lost one costs a poll interval, never a run). Without them, queued runs wait for the poll.
   */
  wakeUps?: {
    announce(): Promise<unknown>;
    listen(wake: () => void): { close(): Promise<void> };
  };
}

/**
 * The workflow engine, put together from its parts:
 * - run-starter: matches events to enabled workflows and creates their runs;
 * - worker-pool: workers that claim runs and hand them to the step runner;
 * - step-runner: takes a run step by step (state machine, retries, "may have run");
 * - approvals/queue: parks a run on a step, and ends or resumes it when the item is decided or expires;
 * - recovery: takes over runs an engine left (crash, lapsed lease).
 */
export function createEngine(o: EngineOptions) {
  const owner = `engine-${crypto.randomBytes(4).toString("hex")}`;
  const now = () => new Date(o.clock()).toISOString();
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  const batch = createWriteBatcher(o.db, o.runs.dialect);
  // Steps call Postmark as the author of their version (re-read on every use), never as the engine.
  const authority = createAuthority(o.db, o.runs.fixed);
  const docFor = createWorkflowDocs(o.workflows);
  const queue = createApprovalQueue({
    db: o.db,
    approvals: o.approvals,
    runs: o.runs,
    workflows: o.workflows,
    authority,
    docFor,
    clock: o.clock,
    onApprovalCreated: o.onApprovalCreated,
  });
  const runner = createStepRunner({
    runs: o.runs,
    docFor,
    authority,
    queue,
    execute: o.execute,
    batch,
    owner,
    now,
    logger: o.logger,
    sleep: o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    random: o.random ?? Math.random,
    maxAttempts: o.maxAttempts ?? 5,
    baseDelayMs: o.baseDelayMs ?? 500,
    maxDelayMs: o.maxDelayMs ?? 30_000,
    onDisabled: () => starter.invalidate(),
    onRunFailed: o.onRunFailed,
  });
  const pool = createWorkerPool({
    runs: o.runs,
    owner,
    concurrency: o.concurrency ?? 8,
    now,
    logger: o.logger,
    process: runner.process,
  });
  const starter = createRunStarter({
    workflows: o.workflows,
    runs: o.runs,
    docFor,
    authority,
    pool,
    batch,
    owner,
    clock: o.clock,
    onQueued: o.wakeUps ? createAnnouncer(o.wakeUps.announce, o.logger) : undefined,
  });
  // Idle workers here and on other instances look for queued runs now, not at the next poll.
  const wake = () => {
    pool.markQueued();
    pool.kick();
  };
  let listening: { close(): Promise<void> } | null = null;

  const takeOver = createRecovery({ db: o.db, runs: o.runs, docFor, queue, owner, now });

  /** Takes over abandoned runs: all `running` ones at start-up on SQLite, else those whose lease lapsed. */
  async function recover(all: boolean) {
    const r = await takeOver(all ? null : new Date(o.clock() - leaseMs).toISOString());
    if (r.requeued) {
      pool.markQueued();
      pool.kick();
    }
    return r;
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  let unsubscribe: (() => void) | null = null;
  async function tick() {
    await recover(false).catch((e: Error) => o.logger.error("workflow recovery failed", { error: e.message }));
    if (o.expireInTick !== false)
      await queue.expireDue().catch((e: Error) => o.logger.error("approval expiry failed", { error: e.message }));
    await o.cursor
      ?.flush()
      .catch((e: Error) => o.logger.error("could not save the event cursor", { error: e.message }));
    pool.markQueued();
    pool.kick();
  }

  return {
    owner,
    startRuns: starter.startRuns,
    createRun: starter.createRun,
    runNow: pool.runNow,
    kick: pool.kick,
    recover,
    expireDue: queue.expireDue,
    expireOne: queue.expireOne,
    endParkedRun: queue.endParkedRun,
    queue,
    docFor,
    authority,
    invalidate: starter.invalidate,
    /** Subscribes to the event bus, recovers what a previous process left, and polls. */
    async start(subscribe?: (listener: (e: BusEvent) => void) => () => void) {
      pool.start();
      listening = o.wakeUps?.listen(wake) ?? null;
      if (subscribe) {
        unsubscribe = subscribe((e) => {
          const event = storedEvent(e.row, e.payload);
          if (!event) return;
          const work = starter
            .startRuns(event)
            .catch((err: Error) =>
              o.logger.error("could not start workflow runs for an event", { event: e.id, error: err.message }),
            );
          o.cursor?.track(e.id, work);
        });
      }
      await recover(o.recoverAllAtStart ?? false);
      // Subscribed first, so nothing falls between the stored backlog and the live bus.
      if (o.cursor) {
        const handed = await o.cursor.catchUp(starter.startRuns);
        if (handed) o.logger.info("workflow engine caught up with stored events", { events: handed });
      }
      pool.markQueued();
      pool.kick();
      timer = setInterval(() => void tick(), o.pollMs ?? 1000);
      timer.unref?.();
    },
    /** Stops taking work and waits for runs in progress to reach a resting point. */
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      await listening?.close().catch(() => {});
      listening = null;
      if (timer) clearInterval(timer);
      timer = null;
      await pool.stop();
      await o.cursor
        ?.flush()
        .catch((e: Error) => o.logger.error("could not save the event cursor", { error: e.message }));
    },
    stats: pool.stats,
  };
}
export type Engine = ReturnType<typeof createEngine>;

/** Announces queued runs at most once at a time: runs queued while one is on its way get one more after it. */
function createAnnouncer(announce: () => Promise<unknown>, logger: Logger) {
  let sending = false;
  let again = false;
  const send = () => {
    sending = true;
    again = false;
    void announce()
      .catch((e: Error) => logger.warn("could not announce queued workflow runs", { error: e.message }))
      .finally(() => {
        sending = false;
        if (again) send();
      });
  };
  return () => {
    if (sending) again = true;
    else send();
  };
}
