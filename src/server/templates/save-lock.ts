import { sql, type Kysely } from "kysely";
import type { Dialect } from "../store/migrations/types";
import type { Database } from "../store/schema";

export interface SaveLockOptions {
  /** Called when a save has to wait for another save of the same key (tests wait on it instead of on time). */
  onWait?(key: string): void;
  /**
   * PostgreSQL: how many saves of this instance may hold a lock transaction at once. Each holds a pool
   * connection while its Postmark calls need others (audit, settings), so this stays below the pool size.
   */
  maxHolders?: number;
}

/** At most `limit` at once; the rest wait in order, holding nothing. */
function semaphore(limit: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    else active++;
    try {
      return await work();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * Runs the studio's read → compare → write one at a time per key, so two saves of one template cannot both
 * pass the conflict check. Within an instance a promise chain per key orders them (waiters hold no database
 * connection); across instances on PostgreSQL the holder also takes a transaction-scoped advisory lock, which
 * PostgreSQL releases on commit, rollback or a lost connection, so a crashed instance never leaves it held.
 * SQLite is one instance's own file, so the chain is enough there.
 *
 * `work` gets the executor to file versions with: on PostgreSQL the lock's transaction, so filing needs no
 * second connection. Its Postmark calls still need one (audit records), so at most `maxHolders` saves hold
 * a lock transaction at once: below the pool size, a burst of saves cannot take every connection and wait
 * forever for one more.
 */
export function createSaveLock(db: Kysely<Database>, dialect: Dialect, opts: SaveLockOptions = {}) {
  const tails = new Map<string, Promise<void>>();
  const holders = semaphore(Math.max(1, opts.maxHolders ?? 1));

  async function acrossInstances<T>(key: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (dialect !== "postgres") return work(db);
    return holders(() => inLockTransaction(key, work));
  }

  function inLockTransaction<T>(key: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const lockKey = sql`hashtextextended(${`mailroom:${key}`}, 0)`;
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${lockKey}) as ok`.execute(trx);
      if (!got.rows[0]?.ok) {
        opts.onWait?.(key);
        await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
      }
      return work(trx);
    });
  }

  return async function withSaveLock<T>(key: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    const before = tails.get(key);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before ? before.then(() => mine) : mine;
    tails.set(key, tail);
    try {
      if (before) {
        opts.onWait?.(key);
        await before;
      }
      return await acrossInstances(key, work);
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
export type SaveLock = ReturnType<typeof createSaveLock>;
