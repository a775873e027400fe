import { sql, type Kysely, type Updateable } from "kysely";
import type { Dialect } from "../store/migrations/types";
import type { Database, JobItemsTable, JobsTable } from "../store/schema";

export type JobRow = Omit<JobsTable, "id"> & { id: number };
export type JobItemRow = Omit<JobItemsTable, "id"> & { id: number };
export type NewItem = Pick<JobItemsTable, "seq" | "item_key" | "status" | "verdict" | "detail">;

// PostgreSQL returns BIGINT as text; ids and counters are plain numbers everywhere else.
const job = (r: Omit<JobsTable, "id"> & { id: unknown }): JobRow => ({
  ...r,
  id: Number(r.id),
  server_id: r.server_id === null ? null : Number(r.server_id),
  total: r.total === null ? null : Number(r.total),
  processed: Number(r.processed),
  succeeded: Number(r.succeeded),
  failed: Number(r.failed),
  skipped: Number(r.skipped),
  created_by: r.created_by === null ? null : Number(r.created_by),
  attempts: Number(r.attempts),
});
const item = (r: Omit<JobItemsTable, "id"> & { id: unknown }): JobItemRow => ({
  ...r,
  id: Number(r.id),
  job_id: Number(r.job_id),
  seq: Number(r.seq),
});

/** Which jobs a worker may take: queued ones, and running ones whose lease lapsed. */
const claimable = (now: string) =>
  sql<boolean>`(status = 'queued' or (status in ('running', 'cancelling') and (lease_expires_at is null or lease_expires_at < ${now})))`;

/** Jobs and their items. A claim is one conditional update, so two workers never hold one job. */
export function createJobsRepo(db: Kysely<Database>, dialect: Dialect) {
  return {
    async insert(row: Omit<JobsTable, "id">): Promise<number> {
      const r = await db.insertInto("jobs").values(row).returning("id").executeTakeFirstOrThrow();
      return Number(r.id);
    },

    async get(id: number): Promise<JobRow | null> {
      const r = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? job(r) : null;
    },

    async list(f: { kind?: string; serverId?: number; limit: number }): Promise<JobRow[]> {
      let q = db.selectFrom("jobs").selectAll();
      if (f.kind) q = q.where("kind", "=", f.kind);
      if (f.serverId !== undefined) q = q.where("server_id", "=", f.serverId);
      return (await q.orderBy("id", "desc").limit(f.limit).execute()).map(job);
    },

    /** Takes the oldest claimable job; on PostgreSQL other instances skip the row this one locked. */
    async claimNext(owner: string, now: string, leaseUntil: string): Promise<JobRow | null> {
      const pick =
        dialect === "postgres"
          ? sql<number>`(select id from jobs where ${claimable(now)} order by id limit 1 for update skip locked)`
          : sql<number>`(select id from jobs where ${claimable(now)} order by id limit 1)`;
      const r = await db
        .updateTable("jobs")
        .set({
          status: sql`case when status = 'queued' then 'running' else status end`,
          lease_owner: owner,
          lease_expires_at: leaseUntil,
          started_at: sql`coalesce(started_at, ${now})`,
          updated_at: now,
          attempts: sql`attempts + 1`,
        })
        .where("id", "=", pick)
        .where(claimable(now))
        .returningAll()
        .executeTakeFirst();
      return r ? job(r) : null;
    },

    /** Extends the lease; false when another worker took the job meanwhile. */
    async renewLease(id: number, owner: string, leaseUntil: string): Promise<boolean> {
      const r = await db
        .updateTable("jobs")
        .set({ lease_expires_at: leaseUntil })
        .where("id", "=", id)
        .where("lease_owner", "=", owner)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Lets every running job be taken at once (one process per SQLite file: they are orphans). */
    async releaseAllLeases() {
      await db
        .updateTable("jobs")
        .set({ lease_expires_at: null })
        .where("status", "in", ["running", "cancelling"])
        .execute();
    },

    /** Updates a job this worker holds; false when it no longer holds it. */
    async update(id: number, owner: string | null, patch: Updateable<JobsTable>): Promise<boolean> {
      let q = db.updateTable("jobs").set(patch).where("id", "=", id);
      if (owner !== null) q = q.where("lease_owner", "=", owner);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Asks a job to stop: queued ones stop at once, running ones at their next item. */
    async requestCancel(id: number, by: string, now: string): Promise<JobRow | null> {
      await db
        .updateTable("jobs")
        .set({ status: "cancelled", cancel_requested_by: by, finished_at: now, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "queued")
        .execute();
      await db
        .updateTable("jobs")
        .set({ status: "cancelling", cancel_requested_by: by, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "running")
        .execute();
      return this.get(id);
    },

    async status(id: number): Promise<string | null> {
      const r = await db.selectFrom("jobs").select("status").where("id", "=", id).executeTakeFirst();
      return r?.status ?? null;
    },

    async addItems(jobId: number, rows: NewItem[], now: string) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto("job_items")
          .values(rows.slice(i, i + 200).map((r) => ({ ...r, job_id: jobId, updated_at: now })))
          .execute();
      }
    },

    async deleteItems(jobId: number) {
      await db.deleteFrom("job_items").where("job_id", "=", jobId).execute();
    },

    async pendingItems(jobId: number, limit: number): Promise<JobItemRow[]> {
      return (
        await db
          .selectFrom("job_items")
          .selectAll()
          .where("job_id", "=", jobId)
          .where("status", "=", "pending")
          .orderBy("seq")
          .limit(limit)
          .execute()
      ).map(item);
    },

    async items(
      jobId: number,
      f: { status?: string; verdict?: string; after: number; limit: number },
    ): Promise<JobItemRow[]> {
      let q = db.selectFrom("job_items").selectAll().where("job_id", "=", jobId).where("seq", ">", f.after);
      if (f.status) q = q.where("status", "=", f.status);
      if (f.verdict) q = q.where("verdict", "=", f.verdict);
      return (await q.orderBy("seq").limit(f.limit).execute()).map(item);
    },

    async countsBy(jobId: number, column: "verdict" | "status"): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom("job_items")
        .select([column, db.fn.countAll<number>().as("n")])
        .where("job_id", "=", jobId)
        .groupBy(column)
        .execute();
      return Object.fromEntries(rows.map((r) => [String(r[column] ?? "none"), Number(r.n)]));
    },

    /**
     * Records one item's outcome and bumps the job's counters in one transaction, only while
     * this worker holds the job and the item is still pending (so nothing is counted twice).
     */
    async finishItem(
      jobId: number,
      owner: string,
      itemId: number,
      outcome: { status: "succeeded" | "failed" | "skipped"; verdict?: string | null; detail: unknown },
      now: string,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const held = await trx
          .selectFrom("jobs")
          .select("id")
          .where("id", "=", jobId)
          .where("lease_owner", "=", owner)
          .executeTakeFirst();
        if (!held) return false;
        const r = await trx
          .updateTable("job_items")
          .set({
            status: outcome.status,
            ...(outcome.verdict !== undefined ? { verdict: outcome.verdict } : {}),
            detail: JSON.stringify(outcome.detail),
            updated_at: now,
          })
          .where("id", "=", itemId)
          .where("status", "=", "pending")
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return true;
        await trx
          .updateTable("jobs")
          .set({
            processed: sql`processed + 1`,
            [outcome.status]: sql`${sql.ref(outcome.status)} + 1`,
            updated_at: now,
          })
          .where("id", "=", jobId)
          .execute();
        return true;
      });
    },
  };
}
export type JobsRepo = ReturnType<typeof createJobsRepo>;

/** Seeds a job's items the first time it runs; a resumed job keeps the ones it has. */
export async function addItemsOnce(
  db: Kysely<Database>,
  jobId: number,
  rows: NewItem[],
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const has = await trx.selectFrom("job_items").select("id").where("job_id", "=", jobId).limit(1).executeTakeFirst();
    if (has) return false;
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto("job_items")
        .values(rows.slice(i, i + 200).map((r) => ({ ...r, job_id: jobId, updated_at: now })))
        .execute();
    }
    await trx.updateTable("jobs").set({ total: rows.length }).where("id", "=", jobId).execute();
    return true;
  });
}
