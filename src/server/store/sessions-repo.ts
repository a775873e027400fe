import type SQLite from "better-sqlite3";
import type { Kysely, Selectable } from "kysely";
import type { RawSqlite } from "./database";
import type { Database, SessionsTable, UsersTable } from "./schema";

export type SessionRow = Selectable<SessionsTable>;
type SessionWithUser = Pick<SessionRow, "id_hash" | "last_seen_at" | "expires_at"> & {
  user_id: Selectable<UsersTable>["id"];
} & Pick<Selectable<UsersTable>, "username" | "role">;

/** The lookup of every request, compiled once: building and compiling it took longer than running it. */
const compileWithUser = (db: Kysely<Database>) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id_hash",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.id as user_id",
      "users.username",
      "users.role",
    ])
    .where("sessions.id_hash", "=", "")
    .compile();

/** `rawRead` (SQLite): the lookup runs as a statement prepared once, without kysely's connection handling. */
export function createSessionsRepo(db: Kysely<Database>, rawRead?: RawSqlite) {
  let withUserQuery: ReturnType<typeof compileWithUser> | undefined;
  let withUserStatement: SQLite.Statement<[string], SessionWithUser> | undefined;
  return {
    async insert(row: SessionRow) {
      await db.insertInto("sessions").values(row).execute();
    },
    byHash: (idHash: string) => db.selectFrom("sessions").selectAll().where("id_hash", "=", idHash).executeTakeFirst(),
    /** The session with its user in one query (this runs on every request). */
    async withUser(idHash: string): Promise<SessionWithUser | undefined> {
      withUserQuery ??= compileWithUser(db);
      if (rawRead) {
        const { sql } = withUserQuery;
        return rawRead((connection) => (withUserStatement ??= connection.prepare(sql)).get(idHash));
      }
      const { rows } = await db.executeQuery<SessionWithUser>({ ...withUserQuery, parameters: [idHash] });
      return rows[0];
    },
    async touch(idHash: string, now: string) {
      await db.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
    },
    async remove(idHash: string) {
      await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    },
    /** Ends a user's sessions, optionally keeping one (the caller's own). */
    async removeForUser(userId: number, keepIdHash?: string) {
      let q = db.deleteFrom("sessions").where("user_id", "=", userId);
      if (keepIdHash) q = q.where("id_hash", "!=", keepIdHash);
      await q.execute();
    },
    /** Drops sessions past their absolute end or idle for longer than allowed. */
    async removeExpired(now: string, idleBefore: string): Promise<number> {
      const r = await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleBefore)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
