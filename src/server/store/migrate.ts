import { sql, type Kysely } from "kysely";
import { migrations as allMigrations } from "./migrations/index";
import type { Dialect, Migration } from "./migrations/types";
import type { Database } from "./schema";

// Arbitrary constant: several Mailroom instances sharing PostgreSQL migrate one at a time.
const PG_LOCK_ID = 727_001;

/** Applies the versions not yet recorded in `mailroom_migrations`; returns the versions applied. */
export async function migrate(
  db: Kysely<Database>,
  dialect: Dialect,
  migrations: readonly Migration[] = allMigrations,
): Promise<number[]> {
  return db.connection().execute(async (conn) => {
    if (dialect === "postgres") await sql`select pg_advisory_lock(${PG_LOCK_ID})`.execute(conn);
    try {
      // Under the lock too: PostgreSQL's "create table if not exists" is not safe against itself
      // (two instances starting on an empty database can both try, and one fails).
      await conn.schema
        .createTable("mailroom_migrations")
        .ifNotExists()
        .addColumn("version", "integer", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("applied_at", "text", (c) => c.notNull())
        .execute();
      const done = new Set(
        (await conn.selectFrom("mailroom_migrations").select("version").execute()).map((r) => Number(r.version)),
      );
      const applied: number[] = [];
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        await conn.transaction().execute(async (trx) => {
          await m.up(trx as unknown as Kysely<unknown>, dialect);
          await trx
            .insertInto("mailroom_migrations")
            .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
            .execute();
        });
        applied.push(m.version);
      }
      return applied;
    } finally {
      if (dialect === "postgres") await sql`select pg_advisory_unlock(${PG_LOCK_ID})`.execute(conn);
    }
  });
}
