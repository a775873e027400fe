import type { Kysely, Transaction } from "kysely";
import type { Dialect } from "../store/migrations/types";
import type { Database } from "../store/schema";

type Work = (trx: Transaction<Database>) => Promise<unknown>;
interface Pending {
  work: Work;
  /** The same work when it may run outside a transaction (one PostgreSQL statement commits on its own). */
  alone: ((db: Kysely<Database>) => Promise<unknown>) | null;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/**
 * Group commit for the engine's writes: writes that arrive while a commit is in progress are
 * committed together in one transaction (one fsync under SQLite's synchronous=FULL). Each caller
 * resumes only after its write is durable, so "in flight before the call" still holds.
 */
export function createWriteBatcher(db: Kysely<Database>, dialect: Dialect, maxBatch = 128) {
  const queue: Pending[] = [];
  let running = false;

  async function runAlone(p: Pending) {
    try {
      // Without BEGIN and COMMIT around one statement: two round trips fewer.
      if (p.alone) p.resolve(await p.alone(db));
      else p.resolve(await db.transaction().execute((trx) => p.work(trx)));
    } catch (e) {
      p.reject(e);
    }
  }

  async function flush() {
    running = true;
    try {
      while (queue.length) {
        const batch = queue.splice(0, maxBatch);
        if (batch.length === 1) {
          await runAlone(batch[0]!);
          continue;
        }
        let results: unknown[];
        try {
          results = await db.transaction().execute(async (trx) => {
            const out: unknown[] = [];
            for (const p of batch) out.push(await p.work(trx));
            return out;
          });
        } catch {
          // One write failed and rolled back the batch: retry each alone so only it fails.
          for (const p of batch) await runAlone(p);
          continue;
        }
        batch.forEach((p, i) => p.resolve(results[i]));
      }
    } finally {
      running = false;
    }
  }

  function push<T>(work: Work, alone: Pending["alone"]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, alone, resolve: resolve as (v: unknown) => void, reject });
      if (!running && queue.length === 1) setImmediate(() => void (running ? undefined : flush()));
    });
  }

  return {
    write: <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => push<T>(work, null),
    /**
     * As `write`, for work that is one statement on PostgreSQL (it may be several on SQLite, which
     * always gets a transaction): committed with others when they arrive together, else on its own.
     */
    writeOne: <T>(work: (q: Kysely<Database> | Transaction<Database>) => Promise<T>): Promise<T> =>
      push<T>(work, dialect === "postgres" ? work : null),
  };
}
export type WriteBatcher = ReturnType<typeof createWriteBatcher>;
