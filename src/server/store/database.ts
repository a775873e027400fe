import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrate } from "./migrate";
import { ensurePrivateDir, ensurePrivateFile, tighten } from "./private-files";
import { pgListen, type ListenHandlers, type Listening } from "./pg-listen";
import { keepStatements } from "./statement-cache";
import type { Dialect } from "./migrations/types";
import type { Database } from "./schema";

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
  /** PostgreSQL only: LISTEN on a channel over a connection of its own (see pg-listen.ts). */
  listen?: (channel: string, handlers: ListenHandlers) => Listening;
  /**
   * SQLite only: runs `fn` on the driver's connection while holding kysely's connection lock, so
   * never inside another caller's transaction. For hot paths that reuse a prepared statement.
   */
  raw?: RawSqlite;
  /**
   * SQLite only: like `raw`, but for one synchronous read, which runs at once when no transaction
   * is open on the connection (it cannot then land inside one: JavaScript runs one thing at a
   * time) and otherwise waits for the lock as `raw` does. The lock cost several times a small read.
   */
  rawRead?: RawSqlite;
}

export type RawSqlite = <T>(fn: (connection: SQLite.Database) => T) => Promise<T>;

export type DbOptions =
  | { kind: "sqlite"; file: string }
  | {
      kind: "postgres";
      url: string;
      /** search_path, for tests that use a schema of their own */
      schema?: string;
      /** Pooled connections of this instance (default 10); the LISTEN connection is one more. */
      poolSize?: number;
    };

/** Opens the database, runs pending migrations, and returns the kysely handle. */
export async function openDatabase(options: DbOptions): Promise<Db> {
  if (options.kind === "sqlite") {
    if (options.file !== ":memory:") {
      ensurePrivateDir(path.dirname(options.file));
      ensurePrivateFile(options.file);
    }
    const sqlite = new SQLite(options.file);
    sqlite.pragma("journal_mode = WAL");
    // SQLite gives -wal and -shm the database's mode; files left by an older version are tightened.
    if (options.file !== ":memory:") for (const suffix of ["-wal", "-shm"]) tighten(options.file + suffix, 0o600);
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepStatements(sqlite) }) });
    await migrate(db, "sqlite");
    const raw: RawSqlite = (fn) => db.connection().execute(async () => fn(sqlite));
    const rawRead: RawSqlite = (fn) => {
      if (sqlite.inTransaction) return raw(fn);
      try {
        return Promise.resolve(fn(sqlite));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    };
    return { db, dialect: "sqlite", close: () => db.destroy(), raw, rawRead };
  }
  const client: pg.ClientConfig = {
    connectionString: options.url,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new pg.Pool({ ...client, max: options.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db, "postgres");
  return {
    db,
    dialect: "postgres",
    close: () => db.destroy(),
    listen: (channel, handlers) => pgListen(client, channel, handlers),
  };
}

/** SQLite under DATA_DIR unless DATABASE_URL names a PostgreSQL database. */
export function databaseOptions(config: {
  dataDir: string;
  databaseUrl: string | null;
  databasePoolSize?: number;
}): DbOptions {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { kind: "sqlite", file: path.join(config.dataDir, "mailroom.db") };
}
