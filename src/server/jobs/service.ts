import type { Actor } from "../proxy/execute";
import type { CreateJobRequest, JobKind } from "../../contract/api/jobs";
import type { Clock } from "../clock";
import type { Config } from "../config";
import { ApiFailure } from "../errors";
import type { Logger } from "../logger";
import type { Execute } from "../proxy/execute";
import type { Store } from "../store/index";
import { createJobsRepo, type JobRow, type NewItem } from "./jobs-repo";
import { exportHandler } from "./kinds/export";
import { reactivationHandler, reactivationPlanHandler } from "./kinds/reactivation";
import { suppressionRemovalHandler } from "./kinds/suppression-removal";
import { createJobRunner, type JobHandler, type JobRunnerOptions } from "./runner";
import { jobTitle } from "./titles";

export interface JobsDeps {
  config: Config;
  store: Store;
  execute: Execute;
  clock: Clock;
  logger: Logger;
  /** Test overrides (sleep, lease, poll). */
  runner?: Partial<JobRunnerOptions>;
}

/** Jobs: the repository, the worker and the rules for starting and cancelling one. */
export function createJobsService(deps: JobsDeps) {
  const { store, clock } = deps;
  const repo = createJobsRepo(store.db, store.dialect);
  const handlers: Record<JobKind, JobHandler> = {
    "reactivation-plan": reactivationPlanHandler(clock),
    reactivation: reactivationHandler(),
    "suppression-removal": suppressionRemovalHandler(),
    export: exportHandler(clock),
  };
  const runner = createJobRunner({
    db: store.db,
    repo,
    execute: deps.execute,
    audit: store.audit,
    clock,
    logger: deps.logger,
    dataDir: deps.config.dataDir,
    handlers,
    minIntervalMs: deps.config.jobs.throttleMs,
    writeIntervalMs: deps.config.jobs.writeThrottleMs,
    // One process per SQLite file: whatever is left running at start-up is orphaned.
    recoverAllAtStart: store.dialect === "sqlite",
    ...deps.runner,
  });
  const iso = () => new Date(clock()).toISOString();

  async function audit(
    user: Actor,
    action: string,
    job: JobRow,
    extra: Record<string, unknown> = {},
    requestId?: string,
  ) {
    await store.audit
      .record(
        {
          actor: { id: user.id ?? null, username: user.username },
          action,
          target: `job ${job.id}`,
          requestId: requestId ?? null,
          details: { kind: job.kind, title: job.title, serverId: job.server_id, ...extra },
        },
        iso(),
      )
      .catch((e: unknown) =>
        deps.logger.error("could not write an audit record", { action, error: (e as Error).message }),
      );
  }

  return {
    repo,
    runner,
    handlers,
    async create(user: Actor, req: CreateJobRequest, requestId?: string): Promise<JobRow> {
      const handler = handlers[req.kind];
      if (!handler.allowed(user.role))
        throw new ApiFailure(
          403,
          "forbidden",
          `Your role (${user.role}) may not start this job; it needs operator or admin.`,
        );
      let serverId = "serverId" in req.params ? req.params.serverId : null;
      let items: NewItem[] = [];
      if (req.kind === "reactivation") {
        const plan = await repo.get(req.params.planJobId);
        if (!plan || plan.kind !== "reactivation-plan")
          throw new ApiFailure(404, "not_found", "There is no such dry run.");
        if (plan.status !== "succeeded")
          throw new ApiFailure(409, "conflict", "The dry run has not finished, so there is nothing to reactivate yet.");
        serverId = plan.server_id;
        const lines = await repo.items(plan.id, { verdict: "reactivatable", after: 0, limit: 100_000 });
        if (!lines.length)
          throw new ApiFailure(409, "conflict", "The dry run found no address that can be reactivated.");
        items = lines.map((l, i) => ({
          seq: i + 1,
          item_key: l.item_key,
          status: "pending",
          verdict: null,
          detail: l.detail,
        }));
      }
      const now = iso();
      const id = await repo.insert({
        kind: req.kind,
        params: JSON.stringify(req.params),
        title: jobTitle(req, items.length),
        server_id: serverId,
        status: "queued",
        total: items.length || null,
        processed: 0,
        succeeded: 0,
        failed: 0,
        skipped: 0,
        result: null,
        error: null,
        created_by: user.id ?? null,
        created_by_name: user.username,
        created_at: now,
        started_at: null,
        finished_at: null,
        updated_at: now,
        cancel_requested_by: null,
        lease_owner: null,
        lease_expires_at: null,
        attempts: 0,
      });
      if (items.length) await repo.addItems(id, items, now);
      const job = (await repo.get(id))!;
      await audit(user, "job.created", job, {}, requestId);
      runner.kick();
      return job;
    },

    /** The creator, operators and admins may cancel; the worker stops at the next item. */
    async cancel(user: Actor, id: number, requestId?: string): Promise<JobRow> {
      const job = await repo.get(id);
      if (!job) throw new ApiFailure(404, "not_found", "There is no such job.");
      if (job.created_by !== user.id && user.role !== "operator" && user.role !== "admin")
        throw new ApiFailure(403, "forbidden", `Your role (${user.role}) may cancel only your own jobs.`);
      if (!["queued", "running"].includes(job.status))
        throw new ApiFailure(409, "conflict", `The job is ${job.status}; there is nothing to cancel.`);
      const after = (await repo.requestCancel(id, user.username, iso()))!;
      await audit(user, "job.cancel", after, {}, requestId);
      return after;
    },
  };
}
export type JobsService = ReturnType<typeof createJobsService>;
