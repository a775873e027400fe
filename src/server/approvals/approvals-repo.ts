import type { Kysely, Transaction } from "kysely";
import type { Dialect } from "../store/migrations/types";
import type { ApprovalsTable, ApprovalVotesTable, Database } from "../store/schema";

export type ApprovalRow = Omit<ApprovalsTable, "id"> & { id: number };
export type NewApproval = Omit<ApprovalsTable, "id" | "original_request">;
export const approvalRow = (r: Omit<ApprovalsTable, "id"> & { id: unknown }): ApprovalRow => ({
  ...r,
  id: Number(r.id),
  run_id: Number(r.run_id),
  step_row_id: Number(r.step_row_id),
});

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The approvals table and its votes: the only place that reads or writes them. State changes are
 * conditional on the item still being pending, so a decision or an expiry happens once.
 */
export function createApprovalsRepo(db: Kysely<Database>, dialect: Dialect) {
  return {
    async get(id: number, q: Q = db): Promise<ApprovalRow | null> {
      const r = await q.selectFrom("approvals").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? approvalRow(r) : null;
    },

    /** Reads the item; on PostgreSQL locks it so that concurrent votes are counted one at a time. */
    async lock(id: number, trx: Transaction<Database>): Promise<ApprovalRow | null> {
      const q = trx.selectFrom("approvals").selectAll().where("id", "=", id);
      const r = dialect === "postgres" ? await q.forUpdate().executeTakeFirst() : await q.executeTakeFirst();
      return r ? approvalRow(r) : null;
    },

    async list(f: { status: string; before?: number; limit: number }): Promise<ApprovalRow[]> {
      let q = db.selectFrom("approvals").selectAll().where("status", "=", f.status);
      if (f.before !== undefined) q = q.where("id", "<", f.before);
      return (await q.orderBy("id", "desc").limit(f.limit).execute()).map(approvalRow);
    },

    async byIds(ids: number[]): Promise<ApprovalRow[]> {
      if (!ids.length) return [];
      return (await db.selectFrom("approvals").selectAll().where("id", "in", ids).execute()).map(approvalRow);
    },

    async insert(row: NewApproval, q: Q): Promise<number> {
      const r = await q.insertInto("approvals").values(row).returning("id").executeTakeFirstOrThrow();
      return Number(r.id);
    },

    /** Pending items whose time ran out (at most 500 a pass). */
    async dueIds(now: string): Promise<number[]> {
      const due = await db
        .selectFrom("approvals")
        .select("id")
        .where("status", "=", "pending")
        .where("expires_at", "<=", now)
        .limit(500)
        .execute();
      return due.map((r) => Number(r.id));
    },

    /** pending → expired; null when the item was no longer pending. */
    async expire(id: number, now: string, q: Q): Promise<ApprovalRow | null> {
      const r = await q
        .updateTable("approvals")
        .set({ status: "expired", decided_at: now, outcome: "expired" })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .returningAll()
        .executeTakeFirst();
      return r ? approvalRow(r) : null;
    },

    /** pending → approved; false when someone else decided first. */
    async markApproved(id: number, now: string, decidedBy: string, q: Q): Promise<boolean> {
      const r = await q
        .updateTable("approvals")
        .set({ status: "approved", decided_at: now, decided_by: decidedBy })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** pending → rejected; false when someone else decided first. */
    async markRejected(id: number, now: string, decidedBy: string, reason: string, q: Q): Promise<boolean> {
      const r = await q
        .updateTable("approvals")
        .set({ status: "rejected", decided_at: now, decided_by: decidedBy, reason, outcome: "rejected" })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** An approver's edit replaces the request (the workflow's own is kept once) and clears the votes. */
    async replaceRequest(id: number, request: string, originalRequest: string, edited: string, q: Q) {
      await q.deleteFrom("approval_votes").where("approval_id", "=", id).execute();
      await q
        .updateTable("approvals")
        .set({ request, original_request: originalRequest, edited })
        .where("id", "=", id)
        .execute();
    },

    async setOutcome(id: number, outcome: string | null, q: Q = db) {
      await q.updateTable("approvals").set({ outcome }).where("id", "=", id).execute();
    },

    async hasVoted(id: number, userId: number, q: Q): Promise<boolean> {
      return !!(await q
        .selectFrom("approval_votes")
        .select("user_id")
        .where("approval_id", "=", id)
        .where("user_id", "=", userId)
        .executeTakeFirst());
    },

    /** Records a vote; returns the voters so far, oldest first. */
    async vote(vote: ApprovalVotesTable, q: Q): Promise<string[]> {
      await q.insertInto("approval_votes").values(vote).execute();
      return (
        await q
          .selectFrom("approval_votes")
          .select(["username"])
          .where("approval_id", "=", vote.approval_id)
          .orderBy("at")
          .execute()
      ).map((v) => v.username);
    },

    async votesOf(ids: number[]): Promise<ApprovalVotesTable[]> {
      if (!ids.length) return [];
      return (
        await db.selectFrom("approval_votes").selectAll().where("approval_id", "in", ids).orderBy("at").execute()
      ).map((v) => ({ ...v, approval_id: Number(v.approval_id), user_id: Number(v.user_id) }));
    },
  };
}
export type ApprovalsRepo = ReturnType<typeof createApprovalsRepo>;
