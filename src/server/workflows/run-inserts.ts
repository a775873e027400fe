import type { NewRun, RunRow, RunsRepo } from "./runs-repo";
import type { WriteBatcher } from "./write-batcher";

interface Group {
  rows: NewRun[];
  keys: Set<string>;
  ids: Promise<Map<string, number>>;
}

/**
 * Inserts the runs of events that arrive together in one statement, inside the engine's group
 * commit: one round trip per group instead of one per event. Each caller gets back the runs it
 * created (a run whose origin key already exists, in the store or earlier in the group, is not
 * its to start). Should the group's insert fail, each caller inserts its rows on its own, so one
 * bad row fails only its event.
 */
export function createRunInserts(o: { runs: RunsRepo; batch: WriteBatcher }) {
  let open: Group | null = null;

  const alone = async (rows: NewRun[]): Promise<RunRow[]> => {
    const ids = await o.batch.writeOne((q) => o.runs.insertKeyed(rows, q));
    // All inserted: they come back in order. Else the skipped ones had keys, which tell the others apart.
    if (ids.length === rows.length) return rows.map((row, i) => ({ ...row, id: ids[i]!.id }));
    const byKey = new Map(ids.map((r) => [r.originKey, r.id]));
    return rows.flatMap((row) => {
      const id = byKey.get(row.origin_key);
      return id === undefined ? [] : [{ ...row, id }];
    });
  };

  function join(): Group {
    if (open) return open;
    const g: Group = { rows: [], keys: new Set(), ids: Promise.resolve(new Map()) };
    g.ids = o.batch.writeOne(async (q) => {
      // Closed once its commit starts: later runs form the next group.
      if (open === g) open = null;
      const out = await o.runs.insertKeyed(g.rows, q);
      return new Map(out.map((r) => [r.originKey!, r.id]));
    });
    open = g;
    return g;
  }

  /** Inserts runs born of one event; returns those created, with their ids. */
  return async function insert(rows: NewRun[]): Promise<RunRow[]> {
    // Without an origin key a run cannot be told apart from its neighbours in a group.
    if (rows.some((r) => r.origin_key === null)) return alone(rows);
    const g = join();
    const mine = rows.filter((r) => !g.keys.has(r.origin_key!));
    for (const r of mine) {
      g.keys.add(r.origin_key!);
      g.rows.push(r);
    }
    let ids: Map<string, number>;
    try {
      ids = await g.ids;
    } catch {
      return alone(mine);
    }
    return mine.flatMap((row) => {
      const id = ids.get(row.origin_key!);
      return id === undefined ? [] : [{ ...row, id }];
    });
  };
}
export type RunInserts = ReturnType<typeof createRunInserts>;
