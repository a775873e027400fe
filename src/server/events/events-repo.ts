import { CompiledQuery, PostgresAdapter, sql, type Kysely, type Transaction } from "kysely";
import type { EventsQuery } from "../../contract/api/events";
import type { RawSqlite } from "../store/database";
import type { Database, EventsTable } from "../store/schema";

export type EventRow = Omit<EventsTable, "id"> & { id: number };
export type NewEventRow = Omit<EventsTable, "id">;

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
const likeEscape = (v: string) => `%${v.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** PostgreSQL returns BIGSERIAL ids as strings. */
const toRow = (r: Omit<EventsTable, "id"> & { id: unknown }): EventRow => ({ ...r, id: Number(r.id) });

export type EventFilters = Pick<EventsQuery, "types" | "server" | "stream" | "recipient" | "tag" | "q">;

/** The channel every instance LISTENs on; the payload is the schema, so tests in other schemas are ignored. */
export const EVENTS_CHANNEL = "mailroom_events";

/**
 * Storage of webhook events: insert (idempotent on dedupe_key), keyset reads, pruning.
 *
 * Ids are a cursor (SSE Last-Event-ID, the live feed of every instance, the workflow engine's
 * catch-up), so a reader that has seen id N must never later find a new id below N. With several
 * writers on PostgreSQL an identity value is taken at insert but becomes visible at commit, so a
 * lower id could commit after a higher one. Every insert therefore holds a transaction-scoped
 * advisory lock from before its ids are drawn until after it commits (PostgreSQL makes a commit
 * visible before it releases locks): ids become visible in id order, and `id > cursor` never skips
 * one. The lock and the wake-up NOTIFY are taken by statement triggers on `events` (migration 14),
 * so a batch is one autocommit statement that holds the lock only while the server runs it.
 * SQLite has a single writer connection, so the same holds there without a lock.
 */
export function createEventsRepo(db: Kysely<Database>, raw?: RawSqlite) {
  const insertFixed = raw
    ? sqliteInserter(raw)
    : db.getExecutor().adapter instanceof PostgresAdapter
      ? postgresInserter(db)
      : (rows: NewEventRow[]) => insertRows(db, rows);
  function filtered(f: EventFilters) {
    let query = db.selectFrom("events").selectAll();
    if (f.types?.length) {
      const triggers = f.types.filter((t) => t !== "unrecognised");
      const unrecognised = f.types.includes("unrecognised");
      query = query.where((eb) =>
        eb.or([
          ...(triggers.length ? [eb("trigger", "in", triggers)] : []),
          ...(unrecognised ? [eb("trigger", "is", null)] : []),
        ]),
      );
    }
    if (f.server !== undefined) query = query.where("server_id", "=", f.server);
    if (f.stream !== undefined) query = query.where("message_stream", "=", f.stream);
    if (f.tag !== undefined) query = query.where("tag", "=", f.tag);
    const like = (col: "recipient" | "sender" | "subject" | "detail" | "tag" | "message_id", pattern: string) =>
      sql<boolean>`lower(${sql.ref(col)}) like ${pattern} escape '\\'`;
    if (f.recipient !== undefined) {
      const p = likeEscape(f.recipient);
      query = query.where((eb) =>
        eb.or([eb(like("recipient", p), "=", sql.lit(true)), eb(like("sender", p), "=", sql.lit(true))]),
      );
    }
    if (f.q !== undefined) {
      const p = likeEscape(f.q);
      const cols = ["subject", "detail", "recipient", "sender", "tag", "message_id"] as const;
      query = query.where((eb) => eb.or(cols.map((c) => eb(like(c, p), "=", sql.lit(true)))));
    }
    return query;
  }

  /**
   * Inserts within the caller's transaction (PostgreSQL: its triggers take the events lock and queue
   * the NOTIFY, delivered at commit). The ids are safe only if the caller commits promptly: the lock
   * is held until then.
   */
  const insertInTransaction = (trx: Transaction<Database>, rows: NewEventRow[]) => insertRows(trx, rows);

  return {
    /**
     * Inserts rows in one statement (one commit); rows whose dedupe_key exists are skipped.
     * Returns the inserted rows' ids by dedupe key.
     */
    async insertMany(rows: NewEventRow[]): Promise<Map<string, number>> {
      if (!rows.length) return new Map();
      return insertFixed(rows);
    },

    insertInTransaction,

    async get(id: number): Promise<EventRow | null> {
      const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toRow(row) : null;
    },

    async idByDedupeKey(key: string): Promise<number | null> {
      const row = await db.selectFrom("events").select("id").where("dedupe_key", "=", key).executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    /** Newest first, older than `before` (keyset, never OFFSET). */
    async pageBefore(f: EventFilters, before: number | undefined, limit: number): Promise<EventRow[]> {
      let q = filtered(f);
      if (before !== undefined) q = q.where("id", "<", before);
      return (await q.orderBy("id", "desc").limit(limit).execute()).map(toRow);
    },

    /** Oldest first, newer than `after`: replay and catching up. */
    async pageAfter(f: EventFilters, after: number, limit: number): Promise<EventRow[]> {
      return (await filtered(f).where("id", ">", after).orderBy("id", "asc").limit(limit).execute()).map(toRow);
    },

    async maxId(): Promise<number> {
      const row = await db
        .selectFrom("events")
        .select((eb) => eb.fn.max("id").as("max"))
        .executeTakeFirst();
      return Number(row?.max ?? 0);
    },

    /** Deletes up to `batch` events received before `cutoff`; returns how many went. */
    async pruneBatch(cutoff: string, batch: number): Promise<number> {
      // Oldest first, a bounded batch per statement so writers are never held up for long.
      const ids = db.selectFrom("events").select("id").where("received_at", "<", cutoff).orderBy("id").limit(batch);
      const res = await db.deleteFrom("events").where("id", "in", ids).executeTakeFirst();
      return Number(res.numDeletedRows);
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
export type EventsRepo = ReturnType<typeof createEventsRepo>;

async function insertRows(
  q: Kysely<Database> | Transaction<Database>,
  rows: NewEventRow[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const inserted = await q
    .insertInto("events")
    .values(rows)
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning(["id", "dedupe_key"])
    .execute();
  for (const r of inserted) out.set(r.dedupe_key, Number(r.id));
  return out;
}

const EVENT_COLUMNS = [
  "trigger",
  "server_id",
  "message_stream",
  "recipient",
  "sender",
  "tag",
  "message_id",
  "subject",
  "detail",
  "received_at",
  "dedupe_key",
  "payload",
  "payload_size",
  "unrecognised",
  "test",
  "problem",
] as const satisfies readonly (keyof NewEventRow)[];
// Every column of a new row is in the list (the compiler says so when one is added).
const allColumns: Exclude<keyof NewEventRow, (typeof EVENT_COLUMNS)[number]> extends never ? true : never = true;
void allColumns;

/**
 * SQLite: the same insert as `insertRows`, as one prepared single-row statement run for each row
 * inside one transaction (one commit, one fsync), instead of building and compiling a statement
 * of N rows through the query builder for every batch.
 */
function sqliteInserter(raw: RawSqlite) {
  let insertAll: ((rows: NewEventRow[]) => Map<string, number>) | null = null;
  return (rows: NewEventRow[]) =>
    raw((connection) => {
      if (!insertAll) {
        const insert = connection.prepare<NewEventRow, { id: number }>(
          `insert into events (${EVENT_COLUMNS.join(", ")}) values (${EVENT_COLUMNS.map((c) => `@${c}`).join(", ")})
           on conflict (dedupe_key) do nothing returning id`,
        );
        insertAll = connection.transaction((batch: NewEventRow[]) => {
          const out = new Map<string, number>();
          for (const row of batch) {
            const got = insert.get(row);
            if (got) out.set(row.dedupe_key, Number(got.id));
          }
          return out;
        });
      }
      return insertAll(rows);
    });
}

/**
 * PostgreSQL: the same insert as `insertRows`, as SQL text made once per row count (the writer's
 * batches are at most a few hundred rows) with the values in `EVENT_COLUMNS` order: compiling a
 * batch through the query builder cost more client CPU than the statement itself.
 */
function postgresInserter(db: Kysely<Database>) {
  const texts = new Map<number, string>();
  const textFor = (count: number) => {
    let text = texts.get(count);
    if (text === undefined) {
      let n = 0;
      const tuple = () => `(${EVENT_COLUMNS.map(() => `$${++n}`).join(", ")})`;
      text =
        `insert into "events" (${EVENT_COLUMNS.map((c) => `"${c}"`).join(", ")}) values ${Array.from({ length: count }, tuple).join(", ")}` +
        ` on conflict ("dedupe_key") do nothing returning "id", "dedupe_key"`;
      texts.set(count, text);
    }
    return text;
  };
  return async (rows: NewEventRow[]): Promise<Map<string, number>> => {
    // PostgreSQL takes at most 65,535 parameters in one statement.
    if (rows.length > 1_000) return insertRows(db, rows);
    const params: unknown[] = [];
    for (const row of rows) for (const c of EVENT_COLUMNS) params.push(row[c]);
    const result = await db.executeQuery<{ id: unknown; dedupe_key: string }>(
      CompiledQuery.raw(textFor(rows.length), params),
    );
    const out = new Map<string, number>();
    for (const r of result.rows) out.set(r.dedupe_key, Number(r.id));
    return out;
  };
}

/** Refused webhook attempts, newest first; kept short so a flood cannot fill the disk. */
export function createRefusalsRepo(db: Kysely<Database>) {
  return {
    async record(at: string, address: string, reason: string) {
      await db.insertInto("webhook_refusals").values({ at, address, reason }).execute();
    },
    recent: async (limit = 100) =>
      (await db.selectFrom("webhook_refusals").selectAll().orderBy("id", "desc").limit(limit).execute()).map((r) => ({
        ...r,
        id: Number(r.id),
      })),
    /** Keeps the newest `keep` rows. */
    async trim(keep: number) {
      const edge = await db
        .selectFrom("webhook_refusals")
        .select("id")
        .orderBy("id", "desc")
        .offset(keep)
        .limit(1)
        .executeTakeFirst();
      if (edge) await db.deleteFrom("webhook_refusals").where("id", "<=", Number(edge.id)).execute();
    },
  };
}
export type RefusalsRepo = ReturnType<typeof createRefusalsRepo>;
