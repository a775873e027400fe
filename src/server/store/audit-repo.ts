import type { Kysely } from "kysely";
import type { Database } from "./schema";

export interface AuditEntry {
  actor: { id: number; username: string } | null;
  action: string;
  target?: string;
  /** A short human sentence or JSON; never a secret. */
  detail?: string;
}

export function createAuditRepo(db: Kysely<Database>) {
  return {
    async record(entry: AuditEntry, now: string) {
      await db
        .insertInto("audit_log")
        .values({
          at: now,
          actor_id: entry.actor?.id ?? null,
          actor_name: entry.actor?.username ?? null,
          action: entry.action,
          target: entry.target ?? null,
          detail: entry.detail ?? null,
        })
        .execute();
    },
    recent: (limit = 100) => db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit).execute(),
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
