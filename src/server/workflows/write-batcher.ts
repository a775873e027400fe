import type { Kysely, Transaction } from "kysely";
import type { Dialect } from "../store/migrations/types";
import type { Database } from "../store/schema";

type Q = Kysely<Database> | Transaction<Database>;
type Work = (trx: Transaction<Database>) => Promise<unknown>;

/**
 * A kind of write that PostgreSQL can make for several callers in one statement (the engine's step
 * rows): the writes of one kind and key that arrive together become one statement, not one each.
 */
export interface MergedWrite<I, R> {
  /** Writes with equal keys (the same columns) can share a statement. */
  key(item: I): string;
  /** One statement for all `items`; their results in the items' order. */
  many(items: readonly I[], q: Q): Promise<R[]>;
  /** One item alone (SQLite, and each item again after its group's statement failed). */
  one(item: I, q: Q): Promise<R>;
}

interface Pending {
  work: Work;
  /** The same work when it may run outside a transaction (one PostgreSQL statement commits on its own). */
  alone: ((db: Kysely<Database>) => Promise<unknown>) | null;
  /** Set for a merged write on PostgreSQL. */
  merged?: { kind: MergedWrite<unknown, unknown>; item: unknown; key: string };
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/** The batch's merged writes grouped by kind and key (in arrival order), and the other writes. */
function groupsOf(batch: readonly Pending[]) {
  const groups = new Map<MergedWrite<unknown, unknown>, Map<string, Pending[]>>();
  const plain: Pending[] = [];
  for (const p of batch) {
    if (!p.merged) {
      plain.push(p);
      continue;
    }
    let byKey = groups.get(p.merged.kind);
    if (!byKey) groups.set(p.merged.kind, (byKey = new Map()));
    const list = byKey.get(p.merged.key);
    if (list) list.push(p);
    else byKey.set(p.merged.key, [p]);
  }
  return { merged: [...groups.values()].flatMap((byKey) => [...byKey.values()]), plain };
}

/** Runs a group's one statement; the results in the group's order. */
async function runGroup(group: readonly Pending[], q: Q): Promise<unknown[]> {
  const { kind } = group[0]!.merged!;
  return kind.many(
    group.map((p) => p.merged!.item),
    q,
  );
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
        const { merged, plain } = groupsOf(batch);
        let results: Map<Pending, unknown>;
        try {
          results = new Map();
          if (merged.length === 1 && plain.length === 0) {
            // One statement commits on its own: no BEGIN and COMMIT around it.
            const group = merged[0]!;
            const out = await runGroup(group, db);
            group.forEach((p, i) => results.set(p, out[i]));
          } else {
            await db.transaction().execute(async (trx) => {
              for (const group of merged) {
                const out = await runGroup(group, trx);
                group.forEach((p, i) => results.set(p, out[i]));
              }
              for (const p of plain) results.set(p, await p.work(trx));
            });
          }
        } catch {
          // One write failed and rolled back the batch: retry each alone so only it fails.
          for (const p of batch) await runAlone(p);
          continue;
        }
        for (const p of batch) p.resolve(results.get(p));
      }
    } finally {
      running = false;
    }
  }

  function push<T>(work: Work, alone: Pending["alone"], merged?: Pending["merged"]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, alone, merged, resolve: resolve as (v: unknown) => void, reject });
      if (!running && queue.length === 1) setImmediate(() => void (running ? undefined : flush()));
    });
  }

  return {
    write: <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => push<T>(work, null),
    /**
     * As `write`, for work that is one statement on PostgreSQL (it may be several on SQLite, which
     * always gets a transaction): committed with others when they arrive together, else on its own.
     */
    writeOne: <T>(work: (q: Q) => Promise<T>): Promise<T> => push<T>(work, dialect === "postgres" ? work : null),
    /**
     * As `writeOne`, for a write of a kind that merges: on PostgreSQL, the writes of `kind` with the
     * same key that are committed together are one statement. SQLite writes each in the batch's transaction.
     */
    merge<I, R>(kind: MergedWrite<I, R>, item: I): Promise<R> {
      const one = (q: Q) => kind.one(item, q);
      if (dialect !== "postgres") return push<R>(one, null);
      return push<R>(one, one, { kind: kind as MergedWrite<unknown, unknown>, item, key: kind.key(item) });
    },
  };
}
export type WriteBatcher = ReturnType<typeof createWriteBatcher>;
