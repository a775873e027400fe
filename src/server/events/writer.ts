import type { Logger } from "../logger";
import { busEvent, type EventBus } from "./bus";
import type { EventsRepo, NewEventRow } from "./events-repo";
import type { EventFeed } from "./feed";

export interface WriteResult {
  /** The stored id; for a duplicate, the id stored the first time (null if it could not be read). */
  id: number | null;
  duplicate: boolean;
}

interface Pending {
  row: NewEventRow;
  payload: unknown;
  resolve(r: WriteResult): void;
  reject(e: unknown): void;
}

const MAX_BATCH_ROWS = 256;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Group commit: requests that arrive while a write is in progress are committed together in one
 * statement (one fsync), then each is answered and the new events are published in id order.
 * One writer per process, so ids are published in the order they were assigned. With PostgreSQL
 * (possibly several instances) the feed, while it runs, publishes on `bus` instead, reading back
 * from the table; `own` (the workflow engine) hears this instance's events from the writer always.
 */
export function createEventWriter(deps: {
  repo: EventsRepo;
  bus: EventBus;
  /** This instance's stored events, when told apart from `bus` (several instances). */
  own?: EventBus;
  logger: Logger;
  feed?: Pick<EventFeed, "running" | "offer">;
}) {
  const queue: Pending[] = [];
  let running = false;

  async function flush() {
    running = true;
    try {
      while (queue.length) {
        const batch: Pending[] = [];
        let bytes = 0;
        while (
          queue.length &&
          batch.length < MAX_BATCH_ROWS &&
          (batch.length === 0 || bytes + queue[0]!.row.payload_size <= MAX_BATCH_BYTES)
        ) {
          const p = queue.shift()!;
          bytes += p.row.payload_size;
          batch.push(p);
        }
        await writeBatch(batch);
      }
    } finally {
      running = false;
    }
  }

  async function writeBatch(batch: Pending[]) {
    // Two copies of one delivery in a batch: the first is stored, the second is its duplicate.
    const first = new Map<string, Pending>();
    for (const p of batch) if (!first.has(p.row.dedupe_key)) first.set(p.row.dedupe_key, p);
    let ids: Map<string, number>;
    try {
      ids = await deps.repo.insertMany([...first.values()].map((p) => p.row));
    } catch (e) {
      for (const p of batch) p.reject(e);
      return;
    }
    const fresh: { id: number; p: Pending }[] = [];
    for (const p of batch) {
      const id = ids.get(p.row.dedupe_key);
      const isFirst = first.get(p.row.dedupe_key) === p;
      if (id !== undefined && isFirst) {
        fresh.push({ id, p });
        p.resolve({ id, duplicate: false });
      } else if (id !== undefined) {
        p.resolve({ id, duplicate: true });
      } else {
        // Stored earlier: the commit that made it durable has happened, so acknowledging is safe.
        p.resolve({ id: await deps.repo.idByDedupeKey(p.row.dedupe_key).catch(() => null), duplicate: true });
      }
    }
    if (!fresh.length) return;
    fresh.sort((a, b) => a.id - b.id);
    const events = fresh.map(({ id, p }) => busEvent({ ...p.row, id }, p.payload));
    if (deps.own) for (const e of events) deps.own.publish(e);
    // Several instances: the feed publishes what every instance stored, in id order.
    if (deps.feed?.running()) deps.feed.offer(events);
    else for (const e of events) deps.bus.publish(e);
  }

  return {
    /** Resolves once the row is committed (or found to be a duplicate); rejects when the store failed. */
    write(row: NewEventRow, payload: unknown): Promise<WriteResult> {
      return new Promise<WriteResult>((resolve, reject) => {
        queue.push({ row, payload, resolve, reject });
        // setImmediate lets the requests parsed in this turn of the event loop join the batch.
        if (!running && queue.length === 1) setImmediate(() => void (running ? undefined : flush()));
      });
    },
    pending: () => queue.length,
  };
}
export type EventWriter = ReturnType<typeof createEventWriter>;
