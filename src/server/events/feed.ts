import type { Logger } from "../logger";
import type { ListenHandlers, Listening } from "../store/pg-listen";
import { busEvent, type EventBus } from "./bus";
import { EVENTS_CHANNEL, type EventsRepo } from "./events-repo";

// Payloads can be large (inbound mail): read a bounded page at a time, like the SSE replay.
const PAGE = 200;

export interface EventFeed {
  /** True once started: the feed, not the writer, publishes on the bus. */
  active(): boolean;
  /** Something may have been committed: read the table now. */
  poke(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The last id published on the bus. */
  last(): number;
}

/**
 * The live feed when several instances share PostgreSQL. Every instance publishes on its local bus
 * (SSE clients, workflow engine) what it reads from the events table, in id order, whichever
 * instance stored it. NOTIFY only wakes readers up (the writer's own instance is poked directly);
 * a timer and every reconnection of the LISTEN connection read the table too, so a lost
 * notification costs latency, never an event. Ids become visible in id order (see events-repo),
 * so reading `id > last` never skips one.
 */
export function createEventFeed(o: {
  repo: Pick<EventsRepo, "pageAfter" | "maxId">;
  bus: EventBus;
  logger: Logger;
  listen: (channel: string, handlers: ListenHandlers) => Listening;
  /** The database schema in use: notifications from other schemas are not ours. */
  schema: () => Promise<string>;
  /** Read the table this often even without notifications (default 1 s). */
  pollMs?: number;
  /** Dedupe keys this instance's writer is storing: such rows are marked own while published. */
  own?: Set<string>;
  /** Ids of own events, set while their publication runs (listeners are called synchronously). */
  ownIds?: Set<number>;
}): EventFeed {
  let last = 0;
  let started = false;
  let reading: Promise<void> | null = null;
  let again = false;
  let listening: Listening | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function read() {
    do {
      again = false;
      for (;;) {
        const rows = await o.repo.pageAfter({}, last, PAGE);
        for (const r of rows) {
          if (r.id <= last) continue;
          last = r.id;
          const own = o.own?.delete(r.dedupe_key) ?? false;
          if (own) o.ownIds?.add(r.id);
          try {
            o.bus.publish(busEvent(r));
          } finally {
            o.ownIds?.delete(r.id);
          }
        }
        if (rows.length < PAGE) break;
      }
    } while (again && started);
  }

  function poke() {
    if (!started) return;
    if (reading) {
      again = true;
      return;
    }
    reading = read()
      .catch((e: Error) => o.logger.warn("live feed: could not read new events; will retry", { error: e.message }))
      .finally(() => {
        reading = null;
        if (again && started) poke();
      });
  }

  return {
    active: () => started,
    poke,
    last: () => last,
    async start() {
      if (started) return;
      const schema = await o.schema();
      // Clients that connect later replay from the store; the bus carries what is new from now on.
      last = await o.repo.maxId();
      started = true;
      listening = o.listen(EVENTS_CHANNEL, {
        onNotify: (payload) => {
          if (payload === schema) poke();
        },
        onConnected: poke,
        onError: (e) =>
          o.logger.warn("live feed: LISTEN connection failed; reconnecting (polling meanwhile)", { error: e.message }),
      });
      timer = setInterval(poke, o.pollMs ?? 1_000);
      timer.unref?.();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      timer = null;
      await listening?.close();
      listening = null;
      await reading;
    },
  };
}
