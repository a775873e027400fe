import { describe, expect, it, vi } from "vitest";
import { createMemoryLogger } from "../logger";
import type { ListenHandlers } from "../store/pg-listen";
import { busEvent, createEventBus, type BusEvent } from "./bus";
import type { EventRow } from "./events-repo";
import { createEventFeed } from "./feed";

const row = (id: number, key = `k${id}`): EventRow => ({
  id,
  trigger: "delivery",
  server_id: 1,
  message_stream: "outbound",
  recipient: null,
  sender: null,
  tag: null,
  message_id: null,
  subject: null,
  detail: null,
  received_at: "2030-01-01T00:00:00.000Z",
  dedupe_key: key,
  payload: `{"n":${id}}`,
  payload_size: 8,
  unrecognised: 0,
  test: 0,
  problem: null,
});

/** A table the test appends to, and a LISTEN whose notifications the test decides to deliver or lose. */
function setup(opts: { pollMs?: number; idleMs?: number } = {}) {
  const table: EventRow[] = [];
  const bus = createEventBus();
  const seen: BusEvent[] = [];
  bus.subscribe((e) => void seen.push(e));
  let handlers: ListenHandlers | null = null;
  const listens = { opened: 0, closed: 0 };
  let reads = 0;
  const feed = createEventFeed({
    repo: {
      pageAfter: async (_f, after, limit) => {
        reads++;
        return table.filter((r) => r.id > after).slice(0, limit);
      },
      maxId: async () => table.at(-1)?.id ?? 0,
    },
    bus,
    logger: createMemoryLogger(),
    listen: (_channel, h) => {
      handlers = h;
      listens.opened++;
      return { close: async () => void listens.closed++ };
    },
    schema: async () => "public",
    pollMs: opts.pollMs ?? 3_600_000,
    idleMs: opts.idleMs ?? 0,
  });
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 2_000 && !pred(); i++) await new Promise((r) => setImmediate(r));
    expect(pred()).toBe(true);
  };
  return {
    table,
    feed,
    seen,
    listens,
    reads: () => reads,
    until,
    notify: (p = "public") => handlers!.onNotify(p),
    connected: () => handlers!.onConnected(),
  };
}

describe("live feed across instances", () => {
  it("publishes what is new in the table, in id order, each once, however often it is woken", async () => {
    const t = setup();
    t.table.push(row(1), row(2));
    await t.feed.start();
    // Stored before start: clients replay those from the store; the bus carries what comes after.
    t.table.push(row(3), row(4), row(5));
    t.notify();
    t.notify();
    t.feed.poke();
    await t.until(() => t.seen.length === 3);
    t.table.push(row(6));
    t.notify();
    await t.until(() => t.seen.length === 4);
    expect(t.seen.map((e) => e.id)).toEqual([3, 4, 5, 6]);
    expect(t.seen[0]!.payload).toEqual({ n: 3 });
    await t.feed.stop();
  });

  it("loses no event when a notification is lost or is another schema's", async () => {
    const t = setup({ pollMs: 5 });
    await t.feed.start();
    t.table.push(row(1));
    t.notify("someone_elses_schema");
    // No notification for this one at all: the poll (or a reconnection) still reads it.
    t.table.push(row(2));
    await t.until(() => t.seen.length === 2);
    t.table.push(row(3));
    t.connected();
    await t.until(() => t.seen.length === 3);
    expect(t.seen.map((e) => e.id)).toEqual([1, 2, 3]);
    await t.feed.stop();
  });

  it("publishes this instance's commit without reading when its ids come next, and reads when others lie between", async () => {
    const t = setup();
    await t.feed.start();
    const reads = t.reads();
    // The very next ids: published from memory, no query.
    t.table.push(row(1), row(2));
    t.feed.offer([busEvent(row(1)), busEvent(row(2))]);
    expect(t.seen.map((e) => e.id)).toEqual([1, 2]);
    expect(t.reads()).toBe(reads);
    // Another instance's row (3) committed before ours (4): read the table, in id order.
    t.table.push(row(3), row(4));
    t.feed.offer([busEvent(row(4))]);
    await t.until(() => t.seen.length === 4);
    expect(t.seen.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    // An id spent on a duplicate (5) leaves a gap: read too, and nothing is published twice.
    t.table.push(row(6));
    t.feed.offer([busEvent(row(6))]);
    t.notify();
    await t.until(() => t.seen.length === 5);
    expect(t.seen.map((e) => e.id)).toEqual([1, 2, 3, 4, 6]);
    await t.feed.stop();
  });

  it("reads nothing until a live stream holds it, and stops once the last holder has gone", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const t = setup({ idleMs: 30_000 });
      t.table.push(row(1));
      t.feed.poke();
      expect(t.feed.running()).toBe(false);
      expect(t.listens.opened).toBe(0);
      expect(t.reads()).toBe(0);

      const releaseA = await t.feed.hold();
      const releaseB = await t.feed.hold();
      expect(t.feed.running()).toBe(true);
      expect(t.listens.opened).toBe(1);
      // Held from here on: what is committed next is published, what was there before is not.
      t.table.push(row(2));
      t.notify();
      await t.until(() => t.seen.length === 1);
      expect(t.seen.map((e) => e.id)).toEqual([2]);

      releaseA();
      releaseA(); // a second release of the same hold counts once
      vi.advanceTimersByTime(60_000);
      expect(t.feed.running()).toBe(true);
      releaseB();
      vi.advanceTimersByTime(29_999);
      expect(t.feed.running()).toBe(true);
      // A browser back within the grace period finds it running: nothing is re-read.
      const releaseC = await t.feed.hold();
      vi.advanceTimersByTime(60_000);
      expect(t.feed.running()).toBe(true);
      releaseC();
      vi.advanceTimersByTime(30_000);
      await t.until(() => !t.feed.running());
      expect(t.listens.closed).toBe(1);

      // Stopped: new rows are not read; a new holder starts after them.
      const readsWhenStopped = t.reads();
      t.table.push(row(3));
      t.feed.poke();
      expect(t.reads()).toBe(readsWhenStopped);
      const releaseD = await t.feed.hold();
      t.table.push(row(4));
      t.notify();
      await t.until(() => t.seen.length === 2);
      expect(t.seen.map((e) => e.id)).toEqual([2, 4]);
      releaseD();
      await t.feed.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a hold fails when the feed cannot start, and the next one tries again", async () => {
    let failing = true;
    const feed = createEventFeed({
      repo: {
        pageAfter: async () => [],
        maxId: async () => {
          if (failing) throw new Error("database down");
          return 0;
        },
      },
      bus: createEventBus(),
      logger: createMemoryLogger(),
      listen: () => ({ close: async () => {} }),
      schema: async () => "public",
    });
    await expect(feed.hold()).rejects.toThrow("database down");
    expect(feed.running()).toBe(false);
    failing = false;
    const release = await feed.hold();
    expect(feed.running()).toBe(true);
    release();
    await feed.stop();
  });
});
