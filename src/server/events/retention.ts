import type { Clock } from "../clock";
import type { EventsRepo, RefusalsRepo } from "./events-repo";

const DAY = 86_400_000;
const BATCH = 1_000;
const KEEP_REFUSALS = 1_000;

/** Deletes events older than the retention, a batch at a time, yielding between batches. */
export async function pruneEvents(deps: {
  repo: EventsRepo;
  refusals?: RefusalsRepo;
  clock: Clock;
  retentionDays: number;
  batch?: number;
}): Promise<number> {
  const cutoff = new Date(deps.clock() - deps.retentionDays * DAY).toISOString();
  const batch = deps.batch ?? BATCH;
  let total = 0;
  for (;;) {
    const n = await deps.repo.pruneBatch(cutoff, batch);
    total += n;
    if (n < batch) break;
    // Let webhook writes in between: pruning is never urgent.
    await new Promise((r) => setImmediate(r));
  }
  await deps.refusals?.trim(KEEP_REFUSALS);
  return total;
}
