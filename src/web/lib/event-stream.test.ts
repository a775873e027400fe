import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  backoffDelay,
  createEventStream,
  createInvalidator,
  invalidationAreas,
  type StreamEvent,
} from "./event-stream";

/** A scriptable EventSource: tests open, fail and feed it by hand. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Set<(e: Event) => void>>();
  constructor(public url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, fn: (e: Event) => void) {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)!.add(fn);
  }
  removeEventListener(name: string, fn: (e: Event) => void) {
    this.listeners.get(name)?.delete(fn);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  fail(closed = false) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event("error"));
  }
  emit(id: number, trigger: string | null) {
    const data = {
      id,
      trigger,
      receivedAt: new Date().toISOString(),
      serverId: 1,
      payload: {},
      flags: { unrecognised: trigger === null, test: false, problem: null, payloadOmitted: false },
    };
    const e = new MessageEvent(trigger ?? "unrecognised", { data: JSON.stringify(data), lastEventId: String(id) });
    this.listeners.get(trigger ?? "unrecognised")?.forEach((fn) => fn(e));
  }
}

const latest = () => FakeEventSource.instances.at(-1)!;

function make(extra: Parameters<typeof createEventStream>[0] = {}) {
  return createEventStream({
    EventSource: FakeEventSource as unknown as typeof EventSource,
    backoffMs: { base: 1000, max: 8000 },
    random: () => 1,
    isOnline: () => true,
    catchUpQuietMs: 500,
    ...extra,
  });
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("event stream", () => {
  it("goes connecting → live and delivers events once, in order", () => {
    const stream = make();
    const seen: StreamEvent[] = [];
    stream.subscribe((e) => seen.push(e));
    stream.start();
    expect(stream.getStatus()).toBe("connecting");
    expect(latest().url).toBe("/api/events/stream");
    latest().open();
    expect(stream.getStatus()).toBe("live");
    latest().emit(1, "bounce");
    latest().emit(2, null);
    latest().emit(2, "bounce"); // replay overlap: ignored
    expect(seen.map((e) => [e.id, e.kind])).toEqual([
      [1, "bounce"],
      [2, "unrecognised"],
    ]);
    expect(stream.getLastId()).toBe(2);
    stream.stop();
  });

  it("reconnects by hand with ?after= the last id, with backoff, when the connection is closed", () => {
    const stream = make();
    stream.start();
    latest().open();
    latest().emit(41, "open");
    latest().fail(true);
    expect(stream.getStatus()).toBe("reconnecting");
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(latest().url).toBe("/api/events/stream?after=41");
    // Fails again before opening: the next wait doubles.
    latest().fail(true);
    vi.advanceTimersByTime(1999);
    expect(FakeEventSource.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(3);
    stream.stop();
  });

  it("says behind while replaying after a reconnect, then live once the replay goes quiet", () => {
    const stream = make();
    stream.start();
    latest().open();
    latest().emit(5, "delivery");
    latest().fail(true);
    vi.advanceTimersByTime(1000);
    latest().open();
    expect(stream.getStatus()).toBe("behind");
    latest().emit(6, "delivery");
    vi.advanceTimersByTime(400);
    latest().emit(7, "delivery");
    vi.advanceTimersByTime(400);
    expect(stream.getStatus()).toBe("behind");
    vi.advanceTimersByTime(100);
    expect(stream.getStatus()).toBe("live");
    stream.stop();
  });

  it("stays live when the browser announces open again on a healthy connection", () => {
    const stream = make();
    stream.start();
    latest().open();
    latest().emit(1, "open");
    latest().open();
    expect(stream.getStatus()).toBe("live");
    // After an error, the browser's own retry replays: behind until quiet.
    latest().fail(false);
    latest().open();
    expect(stream.getStatus()).toBe("behind");
    stream.stop();
  });

  it("lets the browser retry on its own while its Last-Event-ID is exact, then takes over", () => {
    const stream = make({ nativeRetries: 2 });
    stream.start();
    latest().open();
    latest().emit(3, "click");
    latest().fail(false);
    expect(stream.getStatus()).toBe("reconnecting");
    expect(latest().closed).toBe(false);
    latest().fail(false);
    expect(latest().closed).toBe(false);
    latest().fail(false);
    expect(latest().closed).toBe(true);
    vi.advanceTimersByTime(8000);
    expect(latest().url).toBe("/api/events/stream?after=3");
    // Opened with after=3, then got more: a browser retry would resend after=3, so reopen by hand.
    latest().open();
    latest().emit(4, "click");
    latest().fail(false);
    expect(FakeEventSource.instances.at(-1)!.closed).toBe(true);
    stream.stop();
  });

  it("reports offline after repeated failures and keeps trying", () => {
    const stream = make({ offlineAfter: 3 });
    const statuses: string[] = [];
    stream.onStatus(() => statuses.push(stream.getStatus()));
    stream.start();
    for (let i = 0; i < 3; i++) {
      latest().fail(true);
      vi.advanceTimersByTime(8000);
    }
    expect(statuses).toContain("offline");
    latest().open();
    expect(stream.getStatus()).toBe("live");
    stream.stop();
  });

  it("a manual reconnect resumes from the last id at once", () => {
    const stream = make();
    stream.start();
    latest().open();
    latest().emit(9, "inbound");
    stream.reconnect();
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
    expect(latest().url).toBe("/api/events/stream?after=9");
    stream.stop();
    expect(latest().closed).toBe(true);
  });
});

describe("invalidation", () => {
  it("maps each trigger to the query areas it makes stale", () => {
    expect(invalidationAreas.bounce).toEqual(["bounces", "activity", "stats"]);
    expect(invalidationAreas["smtp-api-error"]).toEqual(["bounces", "activity", "stats"]);
    expect(invalidationAreas["spam-complaint"]).toEqual(["bounces", "suppressions"]);
    expect(invalidationAreas["subscription-change"]).toEqual(["suppressions"]);
    for (const t of ["delivery", "open", "click"] as const) expect(invalidationAreas[t]).toEqual(["activity", "stats"]);
    expect(invalidationAreas.inbound).toEqual(["activity"]);
    expect(invalidationAreas.unrecognised).toEqual([]);
  });

  it("invalidates only the affected areas, once per window however many events arrive", () => {
    const queryClient = new QueryClient();
    const spy = vi.spyOn(queryClient, "invalidateQueries").mockResolvedValue();
    const inv = createInvalidator(queryClient, 1000);
    inv.add("bounce");
    vi.advanceTimersByTime(0);
    expect(spy.mock.calls.map((c) => c[0]?.queryKey)).toEqual([
      ["postmark", "bounces"],
      ["postmark", "activity"],
      ["postmark", "stats"],
    ]);
    spy.mockClear();
    for (let i = 0; i < 50; i++) inv.add("subscription-change");
    inv.add("inbound");
    vi.advanceTimersByTime(500);
    expect(spy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(spy.mock.calls.map((c) => c[0]?.queryKey)).toEqual([
      ["postmark", "suppressions"],
      ["postmark", "activity"],
    ]);
  });

  it("the stream feeds arriving events to the invalidator", () => {
    const queryClient = new QueryClient();
    const spy = vi.spyOn(queryClient, "invalidateQueries").mockResolvedValue();
    const stream = make({ queryClient, invalidateEveryMs: 100 });
    stream.start();
    latest().open();
    latest().emit(1, "spam-complaint");
    vi.advanceTimersByTime(0);
    expect(spy.mock.calls.map((c) => c[0]?.queryKey)).toEqual([
      ["postmark", "bounces"],
      ["postmark", "suppressions"],
    ]);
    stream.stop();
  });

  it("backoff grows, jitters and is capped", () => {
    expect(backoffDelay(1, 1000, 30_000, () => 0)).toBe(500);
    expect(backoffDelay(3, 1000, 30_000, () => 1)).toBe(4000);
    expect(backoffDelay(20, 1000, 30_000, () => 1)).toBe(30_000);
  });
});
