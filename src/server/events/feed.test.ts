import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../logger";
import type { ListenHandlers } from "../store/pg-listen";
import { createEventBus, type BusEvent } from "./bus";
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
function setup(opts: { pollMs?: number } = {}) {
  const table: EventRow[] = [];
  const bus = createEventBus();
  const seen: BusEvent[] = [];
  const own = new Set<string>();
  const ownIds = new Set<number>();
  const ownSeen: number[] = [];
  bus.subscribe((e) => void seen.push(e));
  bus.subscribe((e) => void (ownIds.has(e.id) && ownSeen.push(e.id)));
  let handlers: ListenHandlers | null = null;
  const feed = createEventFeed({
    repo: {
      pageAfter: async (_f, after, limit) => table.filter((r) => r.id > after).slice(0, limit),
      maxId: async () => table.at(-1)?.id ?? 0,
    },
    bus,
    logger: createMemoryLogger(),
    listen: (_channel, h) => {
      handlers = h;
      return { close: async () => {} };
    },
    schema: async () => "public",
    pollMs: opts.pollMs ?? 3_600_000,
    own,
    ownIds,
  });
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 2_000 && !pred(); i++) await new Promise((r) => setImmediate(r));
    expect(pred()).toBe(true);
  };
  return {
    table,
    feed,
    seen,
    own,
    ownSeen,
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

  it("marks the events this instance stored (by dedupe key) while they are published", async () => {
    const t = setup();
    await t.feed.start();
    t.own.add("mine");
    t.table.push(row(1, "theirs"), row(2, "mine"));
    t.feed.poke();
    await t.until(() => t.seen.length === 2);
    expect(t.ownSeen).toEqual([2]);
    expect(t.own.size).toBe(0);
    await t.feed.stop();
  });
});
