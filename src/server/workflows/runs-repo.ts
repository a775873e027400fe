import {
  sql,
  type Kysely,
  type Transaction,
  type Updateable,
  type UpdateQueryBuilder,
  type UpdateResult,
} from "kysely";
import { createFixedSql, type FixedSql } from "../store/fixed-sql";
import type { Dialect } from "../store/migrations/types";
import type { Database, WorkflowRunsTable, WorkflowRunStepsTable } from "../store/schema";
import type { MergedWrite } from "./write-batcher";

export type RunRow = Omit<WorkflowRunsTable, "id"> & { id: number };
export type StepRow = Omit<WorkflowRunStepsTable, "id"> & { id: number };
export type NewRun = Omit<WorkflowRunsTable, "id">;
type Q = Kysely<Database> | Transaction<Database>;

const run = (r: Omit<WorkflowRunsTable, "id"> & { id: unknown }): RunRow => ({
  ...r,
  id: Number(r.id),
  workflow_id: Number(r.workflow_id),
  version_id: Number(r.version_id),
  event_id: r.event_id === null ? null : Number(r.event_id),
});
const step = (r: Omit<WorkflowRunStepsTable, "id"> & { id: unknown }): StepRow => ({
  ...r,
  id: Number(r.id),
  run_id: Number(r.run_id),
});

/** This engine no longer holds the run's lease: another instance took it over. */
export class LeaseLost extends Error {
  override name = "LeaseLost";
  constructor(readonly runId: number) {
    super(`run ${runId} was taken over by another instance; this one stops working on it`);
  }
}

/** The run is still `running` under the owner and lease time it had when it was seen abandoned. */
function leaseUnchanged<T extends UpdateQueryBuilder<Database, "workflow_runs", "workflow_runs", UpdateResult>>(
  q: T,
  seen: RunRow,
): T {
  return q
    .where("id", "=", seen.id)
    .where("status", "=", "running")
    .where("claimed_by", seen.claimed_by === null ? "is" : "=", seen.claimed_by)
    .where("claimed_at", seen.claimed_at === null ? "is" : "=", seen.claimed_at) as T;
}

/** Helpers for statement texts made from code's column names (never from input). */
const names = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(", ");
const marks = (cols: readonly string[]) => cols.map(() => "?").join(", ");
const assignments = (cols: readonly string[]) => cols.map((c) => `"${c}" = ?`).join(", ");
/** The fields a patch sets (undefined ones are left alone, as Kysely does). */
const defined = <T extends object>(patch: T) =>
  (Object.keys(patch) as (keyof T & string)[]).filter((k) => patch[k] !== undefined);

export interface RunFilters {
  workflow?: number;
  event?: number;
  status?: string;
  before?: number;
  limit: number;
}

/** Runs and their steps. Claims are conditional updates, so two workers never own one run. */
export function createRunsRepo(db: Kysely<Database>, dialect: Dialect) {
  // The statements every workflow run makes (insert, lease, step rows) skip Kysely's building and compiling.
  const fixed = createFixedSql(dialect);
  const repo = {
    db,
    dialect,
    fixed,
    /** Inserts runs; an event run whose origin key exists is skipped. Returns the new ids. */
    async insert(rows: NewRun[], q: Q = db): Promise<number[]> {
      return (await fixed.insert(q, "workflow_runs", rows, ["id"], "origin_key")).map((r) => Number(r.id));
    },

    /** As `insert`, with each new run's origin key, so that callers who grouped rows can tell whose is whose. */
    async insertKeyed(rows: NewRun[], q: Q = db): Promise<{ id: number; originKey: string | null }[]> {
      const out = await fixed.insert(q, "workflow_runs", rows, ["id", "origin_key"], "origin_key");
      return out.map((r) => ({ id: Number(r.id), originKey: r.origin_key === null ? null : String(r.origin_key) }));
    },

    async claimById(id: number, owner: string, now: string): Promise<RunRow | null> {
      const r = await db
        .updateTable("workflow_runs")
        .set({ status: "running", claimed_by: owner, claimed_at: now, started_at: sql`coalesce(started_at, ${now})` })
        .where("id", "=", id)
        .where("status", "=", "queued")
        .returningAll()
        .executeTakeFirst();
      return r ? run(r) : null;
    },

    /**
     * Takes up to `limit` of the oldest queued runs in one statement; on PostgreSQL other instances
     * skip the rows this one locked. Returned oldest first, each saying whether it has step rows
     * (an approval resumed it, recovery queued it again), so only those need their steps read.
     */
    async claimQueued(owner: string, now: string, limit: number): Promise<{ run: RunRow; hasSteps: boolean }[]> {
      const pick =
        dialect === "postgres"
          ? sql<number>`(select id from workflow_runs where status = 'queued' order by id limit ${limit} for update skip locked)`
          : sql<number>`(select id from workflow_runs where status = 'queued' order by id limit ${limit})`;
      const rows = await db
        .updateTable("workflow_runs")
        .set({ status: "running", claimed_by: owner, claimed_at: now, started_at: sql`coalesce(started_at, ${now})` })
        .where("id", "in", pick)
        .where("status", "=", "queued")
        .returningAll()
        .returning(
          sql<unknown>`exists (select 1 from workflow_run_steps s where s.run_id = workflow_runs.id)`.as("has_steps"),
        )
        .execute();
      return rows
        .map(({ has_steps, ...r }) => ({ run: run(r), hasSteps: has_steps === true || Number(has_steps) === 1 }))
        .sort((a, b) => a.run.id - b.run.id);
    },

    async get(id: number, q: Q = db): Promise<RunRow | null> {
      const r = await q.selectFrom("workflow_runs").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? run(r) : null;
    },

    async update(id: number, patch: Updateable<WorkflowRunsTable>, q: Q = db) {
      await fixed.updateById(q, "workflow_runs", id, patch);
    },

    async steps(runId: number, q: Q = db): Promise<StepRow[]> {
      return (
        await q
          .selectFrom("workflow_run_steps")
          .selectAll()
          .where("run_id", "=", runId)
          .orderBy("step_index", "asc")
          .execute()
      ).map(step);
    },

    async stepsOf(runIds: number[]): Promise<StepRow[]> {
      if (!runIds.length) return [];
      return (
        await db
          .selectFrom("workflow_run_steps")
          .selectAll()
          .where("run_id", "in", runIds)
          .orderBy("step_index", "asc")
          .execute()
      ).map(step);
    },

    async step(id: number, q: Q = db): Promise<StepRow | null> {
      const r = await q.selectFrom("workflow_run_steps").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? step(r) : null;
    },

    /** Creates or replaces the row of one step of a run; returns its id. */
    async putStep(row: Omit<WorkflowRunStepsTable, "id">, q: Q = db): Promise<number> {
      const existing = await q
        .selectFrom("workflow_run_steps")
        .select("id")
        .where("run_id", "=", row.run_id)
        .where("step_index", "=", row.step_index)
        .executeTakeFirst();
      if (existing) {
        await q.updateTable("workflow_run_steps").set(row).where("id", "=", existing.id).execute();
        return Number(existing.id);
      }
      const r = await q.insertInto("workflow_run_steps").values(row).returning("id").executeTakeFirstOrThrow();
      return Number(r.id);
    },

    /** A step's first row (the caller knows there is none yet). */
    async insertStep(row: Omit<WorkflowRunStepsTable, "id">, q: Q = db): Promise<number> {
      const [r] = await fixed.insert(q, "workflow_run_steps", [row], ["id"]);
      return Number(r!.id);
    },

    /**
     * A step's first row, written in flight while renewing this engine's lease on its run (the fence
     * of `holdLease`: throws LeaseLost, and writes nothing, if another engine took the run over).
     * One statement on PostgreSQL, where each is a round trip.
     */
    async insertStepHeld(row: Omit<WorkflowRunStepsTable, "id">, owner: string, now: string, q: Q = db) {
      if (dialect !== "postgres") {
        await this.holdLease(row.run_id, owner, now, q);
        return this.insertStep(row, q);
      }
      const { run_id, ...rest } = row;
      const cols = Object.keys(rest) as (keyof typeof rest)[];
      const { rows } = await fixed.run<{ id: unknown }>(
        q,
        `with "lease" as (update "workflow_runs" set "claimed_at" = ? where "id" = ? and "status" = 'running' and "claimed_by" = ? returning "id") ` +
          `insert into "workflow_run_steps" ("run_id", ${names(cols)}) select "id", ${marks(cols)} from "lease" returning "id"`,
        [now, run_id, owner, ...cols.map((c) => rest[c])],
      );
      if (!rows[0]) throw new LeaseLost(run_id);
      return Number(rows[0].id);
    },

    /** Updates a step's row and its run's row together: one statement on PostgreSQL. */
    async updateStepAndRun(
      stepId: number,
      stepPatch: Updateable<WorkflowRunStepsTable>,
      runId: number,
      runPatch: Updateable<WorkflowRunsTable>,
      q: Q = db,
    ) {
      if (dialect !== "postgres") {
        await this.updateStep(stepId, stepPatch, q);
        return this.update(runId, runPatch, q);
      }
      const stepCols = defined(stepPatch);
      const runCols = defined(runPatch);
      await fixed.run(
        q,
        `with "step" as (update "workflow_run_steps" set ${assignments(stepCols)} where "id" = ? returning "id") ` +
          `update "workflow_runs" set ${assignments(runCols)} where "id" = ?`,
        [...stepCols.map((c) => stepPatch[c]), stepId, ...runCols.map((c) => runPatch[c]), runId],
      );
    },

    async updateStep(id: number, patch: Updateable<WorkflowRunStepsTable>, q: Q = db) {
      await fixed.updateById(q, "workflow_run_steps", id, patch);
    },

    async list(f: RunFilters): Promise<RunRow[]> {
      let q = db.selectFrom("workflow_runs").selectAll();
      if (f.workflow !== undefined) q = q.where("workflow_id", "=", f.workflow);
      if (f.event !== undefined) q = q.where("event_id", "=", f.event);
      if (f.status !== undefined) q = q.where("status", "=", f.status);
      if (f.before !== undefined) q = q.where("id", "<", f.before);
      return (await q.orderBy("id", "desc").limit(f.limit).execute()).map(run);
    },

    async lastRuns(workflowIds: number[]): Promise<Map<number, RunRow>> {
      const out = new Map<number, RunRow>();
      if (!workflowIds.length) return out;
      const ids = await db
        .selectFrom("workflow_runs")
        .select((eb) => ["workflow_id", eb.fn.max("id").as("id")])
        .where("workflow_id", "in", workflowIds)
        .groupBy("workflow_id")
        .execute();
      const wanted = ids.map((r) => Number(r.id));
      if (!wanted.length) return out;
      for (const r of await db.selectFrom("workflow_runs").selectAll().where("id", "in", wanted).execute())
        out.set(Number(r.workflow_id), run(r));
      return out;
    },

    /**
     * Renews this engine's lease on a run inside the transaction that records a step in flight,
     * and throws LeaseLost when another engine took the run over meanwhile (this one stalled past
     * its lease): the call is then not made here. A fence, so a step is sent by one engine only.
     */
    async holdLease(id: number, owner: string, now: string, q: Q = db) {
      const r = await fixed.run(
        q,
        `update "workflow_runs" set "claimed_at" = ? where "id" = ? and "status" = 'running' and "claimed_by" = ?`,
        [now, id, owner],
      );
      if (r.changed !== 1) throw new LeaseLost(id);
    },

    /**
     * Takes over an abandoned run as seen by `abandoned()`: a compare-and-set on its owner and lease
     * time, so it fails if the owner renewed its lease since, or another engine took it first.
     */
    async takeOver(seen: RunRow, owner: string, now: string, q: Q = db): Promise<boolean> {
      const r = await leaseUnchanged(
        q.updateTable("workflow_runs").set({ claimed_by: owner, claimed_at: now }),
        seen,
      ).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Queues an abandoned run (no step in flight) for any engine, under the same compare-and-set. */
    async requeueAbandoned(seen: RunRow, q: Q = db): Promise<boolean> {
      const r = await leaseUnchanged(
        q.updateTable("workflow_runs").set({ status: "queued", claimed_by: null }),
        seen,
      ).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Runs some engine claimed but left: all of them at start-up on SQLite, or whose lease ran out. */
    async abandoned(claimedBefore: string | null): Promise<RunRow[]> {
      let q = db.selectFrom("workflow_runs").selectAll().where("status", "=", "running");
      if (claimedBefore !== null) q = q.where("claimed_at", "<", claimedBefore);
      return (await q.orderBy("id", "asc").limit(500).execute()).map(run);
    },

    /** A run parked for approval is queued again (its item was approved); a run no longer waiting is left alone. */
    async resumeParked(id: number, q: Q = db) {
      await q
        .updateTable("workflow_runs")
        .set({ status: "queued", claimed_by: null })
        .where("id", "=", id)
        .where("status", "=", "waiting")
        .execute();
    },

    /** The status of the step an approval item was for. */
    async stepStatusByApproval(approvalId: number, q: Q = db): Promise<string | null> {
      const r = await q
        .selectFrom("workflow_run_steps")
        .select("status")
        .where("approval_id", "=", approvalId)
        .executeTakeFirst();
      return r?.status ?? null;
    },

    async queuedCount(): Promise<number> {
      const r = await db
        .selectFrom("workflow_runs")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("status", "=", "queued")
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
  return { ...repo, ...mergedWrites(repo, fixed) };
}
export type RunsRepo = ReturnType<typeof createRunsRepo>;

/** The engine's hottest writes as merged writes (write-batcher). */
function mergedWrites(
  repo: {
    insertStepHeld(row: Omit<WorkflowRunStepsTable, "id">, owner: string, now: string, q: Q): Promise<number>;
    updateStepAndRun(
      stepId: number,
      stepPatch: Updateable<WorkflowRunStepsTable>,
      runId: number,
      runPatch: Updateable<WorkflowRunsTable>,
      q: Q,
    ): Promise<unknown>;
  },
  fixed: FixedSql,
) {
  return {
    /**
     * insertStepHeld as a merged write (write-batcher): the in-flight rows of several runs, each
     * with its lease renewed, in one statement on PostgreSQL. A run whose lease was lost gets null
     * and nothing is written for it.
     */
    stepsHeld: {
      key: (w: HeldStep) => stepColumns(w.row).join(","),
      async many(ws: readonly HeldStep[], q: Q): Promise<(number | null)[]> {
        const cols = stepColumns(ws[0]!.row);
        const { rows } = await fixed.run<{ id: unknown; run_id: unknown }>(
          q,
          `with "l" as (select * from json_populate_recordset(null::"workflow_runs", ?::json)), ` +
            `"lease" as (update "workflow_runs" as "r" set "claimed_at" = "l"."claimed_at" from "l" ` +
            `where "r"."id" = "l"."id" and "r"."status" = 'running' and "r"."claimed_by" = "l"."claimed_by" returning "r"."id"), ` +
            `"v" as (select * from json_populate_recordset(null::"workflow_run_steps", ?::json)) ` +
            `insert into "workflow_run_steps" ("run_id", ${names(cols)}) ` +
            `select "v"."run_id", ${cols.map((c) => `"v"."${c}"`).join(", ")} from "v" join "lease" on "lease"."id" = "v"."run_id" ` +
            `returning "id", "run_id"`,
          [
            JSON.stringify(ws.map((w) => ({ id: w.row.run_id, claimed_at: w.now, claimed_by: w.owner }))),
            JSON.stringify(ws.map((w) => w.row)),
          ],
        );
        const ids = new Map(rows.map((r) => [Number(r.run_id), Number(r.id)]));
        return ws.map((w) => ids.get(w.row.run_id) ?? null);
      },
      async one(w: HeldStep, q: Q): Promise<number | null> {
        try {
          return await repo.insertStepHeld(w.row, w.owner, w.now, q);
        } catch (e) {
          if (e instanceof LeaseLost) return null;
          throw e;
        }
      },
    } satisfies MergedWrite<HeldStep, number | null>,

    /** updateStepAndRun as a merged write: the outcomes of several runs' steps in one statement on PostgreSQL. */
    outcomes: {
      key: (w: StepOutcome) => `${defined(w.stepPatch).join(",")}|${defined(w.runPatch).join(",")}`,
      async many(ws: readonly StepOutcome[], q: Q): Promise<void[]> {
        const stepCols = defined(ws[0]!.stepPatch);
        const runCols = defined(ws[0]!.runPatch);
        const set = (cols: readonly string[], from: string) => cols.map((c) => `"${c}" = "${from}"."${c}"`).join(", ");
        await fixed.run(
          q,
          `with "s" as (select * from json_populate_recordset(null::"workflow_run_steps", ?::json)), ` +
            `"r" as (select * from json_populate_recordset(null::"workflow_runs", ?::json)), ` +
            `"us" as (update "workflow_run_steps" as "t" set ${set(stepCols, "s")} from "s" where "t"."id" = "s"."id" returning "t"."id") ` +
            `update "workflow_runs" as "t" set ${set(runCols, "r")} from "r" where "t"."id" = "r"."id"`,
          [
            JSON.stringify(ws.map((w) => ({ ...w.stepPatch, id: w.stepId }))),
            JSON.stringify(ws.map((w) => ({ ...w.runPatch, id: w.runId }))),
          ],
        );
        return ws.map(() => undefined);
      },
      async one(w: StepOutcome, q: Q): Promise<void> {
        await repo.updateStepAndRun(w.stepId, w.stepPatch, w.runId, w.runPatch, q);
      },
    } satisfies MergedWrite<StepOutcome, void>,
  };
}

/** A step's first row, in flight, with the lease it renews (see stepsHeld). */
export interface HeldStep {
  row: Omit<WorkflowRunStepsTable, "id">;
  owner: string;
  now: string;
}
/** A step's outcome and its run's patch (see outcomes). */
export interface StepOutcome {
  stepId: number;
  stepPatch: Updateable<WorkflowRunStepsTable>;
  runId: number;
  runPatch: Updateable<WorkflowRunsTable>;
}
/** The columns of a new step row other than its run (the shape of a merged insert). */
const stepColumns = (row: Omit<WorkflowRunStepsTable, "id">) =>
  (Object.keys(row) as (keyof typeof row & string)[]).filter((c) => c !== "run_id");
