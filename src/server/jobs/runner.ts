import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../../contract/api/auth";
import type { JobKind } from "../../contract/api/jobs";
import { operations } from "../../contract/postmark/index";
import type { Clock } from "../clock";
import { ApiFailure } from "../errors";
import type { Logger } from "../logger";
import type { Actor, Execute } from "../proxy/execute";
import type { AuditRepo } from "../store/audit-repo";
import type { Database } from "../store/schema";
import { addItemsOnce, type JobItemRow, type JobRow, type JobsRepo, type NewItem } from "./jobs-repo";
import {
  backoffMs,
  JobError,
  parseBody,
  retryableFailure,
  retryableStatus,
  type JobCall,
  type JobCallResult,
} from "./postmark-call";

/** Thrown at a checkpoint: the job stops here, and why. */
class Halt extends Error {
  constructor(readonly reason: "cancelled" | "stopping" | "lease-lost") {
    super(reason);
  }
}

/** True when a job was interrupted to be picked up again (worker stopping, lease lost), not ended. */
export const willResume = (e: unknown) => e instanceof Halt && e.reason !== "cancelled";

export interface JobContext {
  job: JobRow;
  params: unknown;
  /** Where a job may write files (exports). */
  dataDir: string;
  now(): string;
  /** Throws when the job was cancelled, lost its lease or the worker stops; renews the lease. */
  checkpoint(): Promise<void>;
  /** Calls Postmark as the job's creator (role re-read now), throttled, retrying 429/5xx with backoff. */
  call(c: JobCall): Promise<JobCallResult>;
  /** Seeds items on the first run only. */
  seedItems(rows: NewItem[]): Promise<void>;
  /** Replaces all items (work that only reads, redone whole on resume). */
  replaceItems(rows: NewItem[]): Promise<void>;
  pendingItems(limit: number): Promise<JobItemRow[]>;
  finishItem(
    item: JobItemRow,
    outcome: { status: "succeeded" | "failed" | "skipped"; verdict?: string | null; detail: unknown },
  ): Promise<void>;
  progress(p: {
    total?: number | null;
    processed?: number;
    succeeded?: number;
    failed?: number;
    skipped?: number;
  }): Promise<void>;
  /** What this job saved with `saveResume` before a restart; null on a first run. */
  resume: unknown;
  /** Saves how far the job got (kept in its result until it finishes), under its lease. */
  saveResume(state: unknown): Promise<void>;
}

/** The `resume` a running job saved in its result column, if any. */
function savedResume(result: string | null): unknown {
  if (!result) return null;
  try {
    const r = JSON.parse(result) as unknown;
    return typeof r === "object" && r !== null && "resume" in r ? r.resume : null;
  } catch {
    return null;
  }
}

export interface JobHandler {
  /** Who may create and keep running this kind of job (re-checked at every Postmark call). */
  allowed(role: Role): boolean;
  /** Does the work; the returned object is the job's result summary. */
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

export interface JobRunnerOptions {
  db: Kysely<Database>;
  repo: JobsRepo;
  execute: Execute;
  audit: AuditRepo;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  handlers: Record<JobKind, JobHandler>;
  /** Injected by tests so that throttling and backoff take no time. */
  sleep?: (ms: number) => Promise<void>;
  /** Least time between two Postmark calls of one job (Postmark publishes no number; stay gentle). */
  minIntervalMs?: number;
  /** The same for calls that change Postmark; defaults to minIntervalMs. */
  writeIntervalMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  leaseMs?: number;
  pollMs?: number;
  /** Jobs left running at start-up belong to no one (one process per SQLite file). */
  recoverAllAtStart?: boolean;
  /** Called when this worker lets go of a job: finished, or halted (stopping, lease lost). Tests wait on it. */
  onJobEnd?: (jobId: number, how: "finished" | "halted") => void;
}

/** Works jobs one at a time: claims under a lease, heartbeats it, resumes after a restart, honours cancel. */
export function createJobRunner(o: JobRunnerOptions) {
  const owner = `jobs-${crypto.randomBytes(4).toString("hex")}`;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const leaseMs = o.leaseMs ?? 2 * 60_000;
  const minIntervalMs = o.minIntervalMs ?? 100;
  const maxAttempts = o.maxAttempts ?? 5;
  const iso = (ms = o.clock()) => new Date(ms).toISOString();
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function actorOf(job: JobRow, handler: JobHandler): Promise<Actor> {
    const u =
      job.created_by === null
        ? undefined
        : await o.db
            .selectFrom("users")
            .select(["id", "username", "role"])
            .where("id", "=", job.created_by)
            .executeTakeFirst();
    if (!u)
      throw new ApiFailure(
        403,
        "forbidden",
        `The user who started this job (${job.created_by_name}) no longer exists, so it stops.`,
      );
    const role = u.role as Role;
    if (!handler.allowed(role))
      throw new ApiFailure(
        403,
        "forbidden",
        `${u.username}'s role is now ${role}, which may not run this job, so it stops.`,
      );
    return { id: Number(u.id), username: u.username, role };
  }

  function context(job: JobRow, handler: JobHandler): JobContext {
    let renewedAt = o.clock();
    let lastCallAt = -Infinity;
    const ctx: JobContext = {
      job,
      params: JSON.parse(job.params) as unknown,
      dataDir: o.dataDir,
      now: () => iso(),
      async checkpoint() {
        if (stopping) throw new Halt("stopping");
        const status = await o.repo.status(job.id);
        if (status === "cancelling" || status === "cancelled") throw new Halt("cancelled");
        if (o.clock() - renewedAt > leaseMs / 3) {
          if (!(await o.repo.renewLease(job.id, owner, iso(o.clock() + leaseMs)))) throw new Halt("lease-lost");
          renewedAt = o.clock();
        }
      },
      async call(c) {
        for (let attempt = 1; ; attempt++) {
          const interval =
            operations[c.operationId].risk === "read" ? minIntervalMs : (o.writeIntervalMs ?? minIntervalMs);
          const wait = lastCallAt + interval - o.clock();
          if (wait > 0) await sleep(wait);
          await ctx.checkpoint();
          const user = await actorOf(job, handler);
          lastCallAt = o.clock();
          try {
            const res = await o.execute({ ...c, user, serverId: job.server_id, requestId: `job-${job.id}` });
            if (retryableStatus(res.status) && attempt < maxAttempts) {
              await sleep(backoffMs(attempt, o.baseDelayMs ?? 1000, o.maxDelayMs ?? 30_000));
              continue;
            }
            return { status: res.status, body: parseBody(res.body) };
          } catch (e) {
            if (retryableFailure(e) && attempt < maxAttempts) {
              await sleep(backoffMs(attempt, o.baseDelayMs ?? 1000, o.maxDelayMs ?? 30_000));
              continue;
            }
            throw e;
          }
        }
      },
      async seedItems(rows) {
        await addItemsOnce(o.db, job.id, rows, iso());
      },
      async replaceItems(rows) {
        await o.repo.deleteItems(job.id);
        await o.repo.addItems(job.id, rows, iso());
      },
      pendingItems: (limit) => o.repo.pendingItems(job.id, limit),
      async finishItem(it, outcome) {
        if (!(await o.repo.finishItem(job.id, owner, it.id, outcome, iso()))) throw new Halt("lease-lost");
      },
      async progress(p) {
        if (!(await o.repo.update(job.id, owner, { ...p, updated_at: iso() }))) throw new Halt("lease-lost");
      },
      resume: savedResume(job.result),
      async saveResume(state) {
        if (!(await o.repo.update(job.id, owner, { result: JSON.stringify({ resume: state }), updated_at: iso() })))
          throw new Halt("lease-lost");
      },
    };
    return ctx;
  }

  async function finish(
    job: JobRow,
    status: "succeeded" | "failed" | "cancelled",
    patch: { result?: Record<string, unknown>; error?: string },
  ) {
    const now = iso();
    const held = await o.repo.update(job.id, owner, {
      status,
      finished_at: now,
      updated_at: now,
      lease_owner: null,
      lease_expires_at: null,
      result: patch.result ? JSON.stringify(patch.result) : null,
      error: patch.error ?? null,
    });
    if (!held) return;
    const done = (await o.repo.get(job.id))!;
    await o.audit
      .record(
        {
          actor: job.created_by === null ? "system" : { id: job.created_by, username: job.created_by_name },
          action: "job.finished",
          target: `job ${job.id}`,
          outcome: status === "failed" ? "failure" : "success",
          outcomeDetail: status,
          details: {
            kind: job.kind,
            title: job.title,
            processed: done.processed,
            succeeded: done.succeeded,
            failed: done.failed,
            skipped: done.skipped,
            ...(patch.error ? { error: patch.error } : {}),
          },
        },
        now,
      )
      .catch((e: unknown) =>
        o.logger.error("could not write an audit record", { action: "job.finished", error: (e as Error).message }),
      );
  }

  async function runJob(job: JobRow) {
    let how: "finished" | "halted" = "finished";
    try {
      how = await runJobInner(job);
    } finally {
      o.onJobEnd?.(job.id, how);
    }
  }

  async function runJobInner(job: JobRow): Promise<"finished" | "halted"> {
    const handler = o.handlers[job.kind as JobKind];
    if (job.status === "cancelling") return finish(job, "cancelled", {}).then(() => "finished");
    if (!handler)
      return finish(job, "failed", { error: `Mailroom does not know jobs of kind "${job.kind}".` }).then(
        () => "finished",
      );
    try {
      const ctx = context(job, handler);
      await actorOf(job, handler);
      const result = await handler.run(ctx);
      await finish(job, "succeeded", { result });
      return "finished";
    } catch (e) {
      if (e instanceof Halt) {
        if (e.reason === "cancelled") {
          await finish(job, "cancelled", {});
          return "finished";
        }
        // Stopping: let another worker (or the next start) take it over at once.
        if (e.reason === "stopping") await o.repo.update(job.id, owner, { lease_expires_at: null, lease_owner: null });
        return "halted";
      }
      const message =
        e instanceof ApiFailure || e instanceof JobError
          ? e.message
          : "The job failed on an unexpected error; see the server log.";
      if (!(e instanceof ApiFailure || e instanceof JobError))
        o.logger.error("job failed", { job: job.id, kind: job.kind, error: (e as Error)?.stack ?? String(e) });
      await finish(job, "failed", { error: message });
      return "finished";
    }
  }

  async function work() {
    while (!stopping) {
      const now = o.clock();
      const job = await o.repo.claimNext(owner, iso(now), iso(now + leaseMs)).catch((e: unknown) => {
        o.logger.error("could not claim a job", { error: (e as Error).message });
        return null;
      });
      if (job) {
        await runJob(job);
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, o.pollMs ?? 2000);
        t.unref?.();
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    owner,
    async start() {
      if (loop) return;
      stopping = false;
      if (o.recoverAllAtStart) await o.repo.releaseAllLeases();
      loop = work();
    },
    /** A new job is waiting: look now rather than at the next poll. */
    kick() {
      wake?.();
    },
    /** Stops after the current item; the job stays claimable by the next worker. */
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
