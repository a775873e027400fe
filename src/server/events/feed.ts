import type { Logger } from "../logger";
import type { ListenHandlers, Listening } from "../store/pg-listen";
import { busEvent, type BusEvent, type EventBus } from "./bus";
import { EVENTS_CHANNEL, type EventsRepo } from "./events-repo";

// Payloads can be large (inbound mail): read a bounded page at a time, like the SSE replay.
const PAGE = 200;

export interface EventFeed {
  /** True while the feed reads the table: then it, not the writer, publishes on the bus. */
  running(): boolean;
  /** Something may have been committed: read the table now (if running). */
  poke(): void;
  /**
   * This instance's writer committed these events (ids ascending): published at once when they
   * are the very next ids, since ids become visible in id order; otherwise the table is read.
   */
  offer(events: BusEvent[]): void;
  /**
   * Keeps the feed running until the returned release is called (a live stream holds it for its
   * whole life). Resolves once the feed reads: every event committed from then on is published.
   */
  hold(): Promise<() => void>;
  /** Starts reading now (tests; `hold` does it on demand). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The last id published on the bus. */
  last(): number;
}

/**
 * The live feed when several instances share PostgreSQL. While some browser is connected to this
 * instance, it publishes on the bus (for the live streams) what it reads from the events table, in
 * id order, whichever instance stored it. NOTIFY only wakes readers up (the writer hands this
 * instance's commits over: see `offer`); a timer and every reconnection of the LISTEN connection
 * read the table too, so a lost notification costs latency, never an event. Ids become visible in
 * id order (see events-repo), so reading `id > last` never skips one.
 *
 * Reading every instance's events costs each reader a query per wake-up and every row's payload,
 * so an instance with no live stream does not read at all: it starts on the first `hold` and stops
 * `idleMs` after the last release (a browser reconnecting after a blip finds it still running).
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
  /** How long the feed keeps reading after its last holder left (default 30 s). */
  idleMs?: number;
}): EventFeed {
  let last = 0;
  let started = false;
  let reading: Promise<void> | null = null;
  let again = false;
  let listening: Listening | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let holders = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;
  // Starts and stops run one after another, never interleaved.
  let turn: Promise<void> = Promise.resolve();
  const inTurn = (step: () => Promise<void>) => (turn = turn.then(step, step));

  async function read() {
    do {
      again = false;
      for (;;) {
        const rows = await o.repo.pageAfter({}, last, PAGE);
        for (const r of rows) {
          if (r.id <= last) continue;
          last = r.id;
          o.bus.publish(busEvent(r));
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

  async function startNow() {
    if (started) return;
    const schema = await o.schema();
    // Streams replay older events from the store; the bus carries what is committed from now on.
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
  }

  async function stopNow() {
    started = false;
    if (timer) clearInterval(timer);
    timer = null;
    await listening?.close();
    listening = null;
    await reading;
  }

  const cancelIdle = () => {
    if (idle) clearTimeout(idle);
    idle = null;
  };

  function offer(events: BusEvent[]) {
    if (!started) return;
    // Another instance's rows (or ids spent on duplicates) may lie between: read them in order.
    const next = !reading && events.every((e, i) => e.id === last + 1 + i);
    if (!next) return poke();
    for (const e of events) {
      last = e.id;
      o.bus.publish(e);
    }
  }

  return {
    running: () => started,
    poke,
    offer,
    last: () => last,
    async hold() {
      holders++;
      cancelIdle();
      try {
        await inTurn(startNow);
      } catch (e) {
        holders--;
        throw e;
      }
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        if (--holders > 0) return;
        cancelIdle();
        idle = setTimeout(() => {
          idle = null;
          if (holders === 0) void inTurn(stopNow);
        }, o.idleMs ?? 30_000);
        idle.unref?.();
      };
    },
    start: () => inTurn(startNow),
    stop: () => {
      cancelIdle();
      return inTurn(stopNow);
    },
  };
}
