import { sql, type Kysely } from "kysely";
import type { Database } from "./schema";

export interface Counter {
  count: number;
  /** When the current window began (epoch ms). */
  windowStart: number;
  lastAt: number;
  lockedUntil: number;
}

/**
 * How a counter starts again at 1: `fixed` when `windowMs` has passed since its window began,
 * `idle` when `windowMs` has passed since its last hit.
 */
export type WindowMode = "fixed" | "idle";

const toCounter = (r: { count: unknown; window_start: unknown; last_at: unknown; locked_until: unknown }): Counter => ({
  count: Number(r.count),
  windowStart: Number(r.window_start),
  lastAt: Number(r.last_at),
  lockedUntil: Number(r.locked_until),
});

/**
 * Counters in the database, so that every instance sharing it counts together (login throttle,
 * link rate limit, "notify once"). A hit is one upsert: two instances hitting the same key at
 * once both count, and exactly one of them sees the count 1.
 */
export function createCountersRepo(db: Kysely<Database>) {
  async function hit(key: string, now: number, windowMs: number, mode: WindowMode = "fixed"): Promise<Counter> {
    // In an upsert's SET every expression sees the old row, so `over` means the same in each.
    const over =
      mode === "fixed"
        ? sql<boolean>`excluded.window_start - rate_counters.window_start >= ${windowMs}`
        : sql<boolean>`excluded.last_at - rate_counters.last_at >= ${windowMs}`;
    const r = await db
      .insertInto("rate_counters")
      .values({ key, count: 1, window_start: now, last_at: now, locked_until: 0 })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          count: sql`case when ${over} then 1 else rate_counters.count + 1 end`,
          window_start: sql`case when ${over} then excluded.window_start else rate_counters.window_start end`,
          locked_until: sql`case when ${over} then 0 else rate_counters.locked_until end`,
          last_at: sql`excluded.last_at`,
        }),
      )
      .returning(["count", "window_start", "last_at", "locked_until"])
      .executeTakeFirstOrThrow();
    return toCounter(r);
  }

  return {
    hit,

    /** True for the first hit of `key` in its window, false for every later one, on any instance. */
    async once(key: string, now: number, windowMs: number): Promise<boolean> {
      return (await hit(key, now, windowMs, "fixed")).count === 1;
    },

    async get(key: string): Promise<Counter | null> {
      const r = await db
        .selectFrom("rate_counters")
        .select(["count", "window_start", "last_at", "locked_until"])
        .where("key", "=", key)
        .executeTakeFirst();
      return r ? toCounter(r) : null;
    },

    /** Locks the key until `until` unless it is locked longer already. */
    async lockUntil(key: string, until: number) {
      await db
        .updateTable("rate_counters")
        .set({ locked_until: until })
        .where("key", "=", key)
        .where("locked_until", "<", until)
        .execute();
    },

    /**
     * Sets the lock to `until` only if it still is `expected` (a compare-and-set): of several
     * instances racing past an expired lock, exactly one wins.
     */
    async replaceLock(key: string, expected: number, until: number): Promise<boolean> {
      const r = await db
        .updateTable("rate_counters")
        .set({ locked_until: until })
        .where("key", "=", key)
        .where("locked_until", "=", expected)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async reset(key: string) {
      await db.deleteFrom("rate_counters").where("key", "=", key).execute();
    },

    /** Forgets counters not hit since `before`; returns how many went. */
    async sweep(before: number): Promise<number> {
      const r = await db.deleteFrom("rate_counters").where("last_at", "<", before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
export type CountersRepo = ReturnType<typeof createCountersRepo>;
