import type { Kysely, Selectable } from "kysely";
import type { DataRemovalRecord } from "../../contract/api/data-removals";
import type { Database, DataRemovalsTable } from "../store/schema";

type Row = Selectable<DataRemovalsTable>;

function present(r: Row): DataRemovalRecord {
  return {
    id: Number(r.id),
    // bigint columns come back as text from PostgreSQL.
    postmarkId: Number(r.postmark_id),
    requestedFor: r.requested_for,
    requestedBy: r.requested_by,
    createdBy: r.created_by_name,
    createdAt: r.created_at,
    status: r.status,
    statusCheckedAt: r.status_checked_at,
    completedAt: r.completed_at,
    lastError: r.last_error,
  };
}

export function createDataRemovalsRepo(db: Kysely<Database>) {
  return {
    /** A request Postmark accepted; the row already kept when another path recorded it first. */
    async insert(input: {
      postmarkId: number;
      requestedFor: string;
      requestedBy: string;
      createdById: number | null;
      createdByName: string;
      now: string;
      status: string;
      completed: boolean;
    }): Promise<DataRemovalRecord> {
      const row = await db
        .insertInto("data_removals")
        .values({
          postmark_id: input.postmarkId,
          requested_for: input.requestedFor,
          requested_by: input.requestedBy,
          created_by_id: input.createdById,
          created_by_name: input.createdByName,
          created_at: input.now,
          status: input.status,
          status_checked_at: input.now,
          completed_at: input.completed ? input.now : null,
          last_error: null,
        })
        // Kept once per Postmark request, whichever path recorded it first (see recording-execute).
        .onConflict((oc) => oc.column("postmark_id").doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return present(row);
      return present(
        await db
          .selectFrom("data_removals")
          .selectAll()
          .where("postmark_id", "=", input.postmarkId)
          .executeTakeFirstOrThrow(),
      );
    },
    async list(limit = 500): Promise<DataRemovalRecord[]> {
      return (
        await db
          .selectFrom("data_removals")
          .selectAll()
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .limit(limit)
          .execute()
      ).map(present);
    },
    async byId(id: number): Promise<(DataRemovalRecord & { createdById: number | null }) | undefined> {
      const r = await db.selectFrom("data_removals").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? { ...present(r), createdById: r.created_by_id === null ? null : Number(r.created_by_id) } : undefined;
    },
    /** Requests Postmark has not completed, least recently checked first. */
    async open(limit: number): Promise<(DataRemovalRecord & { createdById: number | null })[]> {
      const rows = await db
        .selectFrom("data_removals")
        .selectAll()
        .where("completed_at", "is", null)
        .orderBy("status_checked_at", "asc")
        .orderBy("id", "asc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        ...present(r),
        createdById: r.created_by_id === null ? null : Number(r.created_by_id),
      }));
    },
    async recordCheck(id: number, check: { now: string; status?: string; completed?: boolean; error?: string | null }) {
      await db
        .updateTable("data_removals")
        .set({
          status_checked_at: check.now,
          last_error: check.error ?? null,
          ...(check.status !== undefined ? { status: check.status } : {}),
          ...(check.completed ? { completed_at: check.now } : {}),
        })
        .where("id", "=", id)
        .execute();
    },
  };
}
export type DataRemovalsRepo = ReturnType<typeof createDataRemovalsRepo>;
