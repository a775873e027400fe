import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * better-sqlite3 with its prepared statements kept by SQL text (the most recent `max`). Kysely
 * prepares every query anew, which costs several times more than running a small one, such as
 * the session lookup on every request. SQLite re-prepares a kept statement itself after a schema change.
 */
export function keepStatements(sqlite: Pick<SQLite.Database, "prepare" | "close">, max = 500): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const hit = kept.get(sql);
      // A statement still iterating (a streamed query) cannot run again until it is done: use a fresh one.
      if (hit?.busy) return sqlite.prepare(sql);
      if (hit) {
        kept.delete(sql); // most recently used last
        kept.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
