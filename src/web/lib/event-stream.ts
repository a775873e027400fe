import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useSyncExternalStore } from "react";
import type { EventKind, StreamEventData } from "@/contract/api/events";
import type { AreaId } from "@/contract/postmark/operation";
import { eventKinds, isEventKind } from "./event-kinds";

/**
 * connecting: first attempt; live: open and current; behind: open and replaying what was missed;
 * reconnecting: dropped, retrying; offline: the browser is offline or retries keep failing.
 */
export type StreamStatus = "connecting" | "live" | "behind" | "reconnecting" | "offline";

export interface StreamEvent extends StreamEventData {
  kind: EventKind;
}

/** Which Postmark query areas an arriving event makes stale (the key scheme's second element). */
export const invalidationAreas: Record<EventKind, readonly AreaId[]> = {
  bounce: ["bounces", "activity", "stats"],
  "smtp-api-error": ["bounces", "activity", "stats"],
  "spam-complaint": ["bounces", "suppressions"],
  "subscription-change": ["suppressions"],
  delivery: ["activity", "stats"],
  open: ["activity", "stats"],
  click: ["activity", "stats"],
  inbound: ["activity"],
  unrecognised: [],
};

const eventNames: readonly EventKind[] = eventKinds;

/** A light shape check: the server is ours, and zod would weigh on every page of the shell. */
export function readStreamData(text: string): StreamEventData | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!v || typeof v !== "object") return null;
  const d = v as Partial<StreamEventData>;
  if (typeof d.id !== "number" || !Number.isInteger(d.id) || typeof d.receivedAt !== "string") return null;
  const trigger: unknown = d.trigger;
  if (trigger !== null && (!isEventKind(trigger) || trigger === "unrecognised")) return null;
  const flags = d.flags ?? { unrecognised: trigger === null, test: false, problem: null, payloadOmitted: false };
  return {
    id: d.id,
    trigger: trigger as StreamEventData["trigger"],
    receivedAt: d.receivedAt,
    serverId: typeof d.serverId === "number" ? d.serverId : null,
    payload: d.payload ?? null,
    flags,
  };
}

type EventSourceCtor = new (url: string, init?: EventSourceInit) => EventSource;

export interface EventStreamOptions {
  url?: string;
  queryClient?: QueryClient;
  EventSource?: EventSourceCtor;
  /** Invalidations are batched: at most one round per this many ms. */
  invalidateEveryMs?: number;
  /** Manual reconnect backoff: base and cap. */
  backoffMs?: { base: number; max: number };
  /** The browser's own retries that may fail in a row before we take over with backoff. */
  nativeRetries?: number;
  /** After this many failed attempts in a row the status says offline (retries go on). */
  offlineAfter?: number;
  /** A replay counts as done when the stream has been quiet this long. */
  catchUpQuietMs?: number;
  isOnline?: () => boolean;
  random?: () => number;
}

export interface EventStream {
  start(): void;
  stop(): void;
  /** Drops the connection and opens a new one at once, resuming after the last id. */
  reconnect(): void;
  getStatus(): StreamStatus;
  getLastId(): number | null;
  onStatus(listener: () => void): () => void;
  subscribe(listener: (e: StreamEvent) => void): () => void;
}

/** Next manual retry delay: exponential with jitter, capped. */
export function backoffDelay(attempt: number, base: number, max: number, random: () => number = Math.random): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/** Collects affected areas and invalidates each once per window, so a burst costs one refetch. */
export function createInvalidator(queryClient: QueryClient, everyMs: number) {
  const pending = new Set<AreaId>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const flush = () => {
    timer = null;
    last = Date.now();
    const areas = [...pending];
    pending.clear();
    for (const area of areas) void queryClient.invalidateQueries({ queryKey: ["postmark", area] });
  };
  return {
    add(kind: EventKind) {
      const areas = invalidationAreas[kind];
      if (!areas.length) return;
      areas.forEach((a) => pending.add(a));
      if (timer) return;
      // Leading edge when idle, so the first event of a quiet period refreshes at once.
      timer = setTimeout(flush, Math.max(0, last + everyMs - Date.now()));
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}

export function createEventStream(options: EventStreamOptions = {}): EventStream {
  const url = options.url ?? "/api/events/stream";
  const ES = options.EventSource ?? (typeof EventSource === "undefined" ? null : EventSource);
  const { base, max } = options.backoffMs ?? { base: 1000, max: 30_000 };
  const nativeRetries = options.nativeRetries ?? 3;
  const offlineAfter = options.offlineAfter ?? 5;
  const quietMs = options.catchUpQuietMs ?? 750;
  const isOnline = options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine !== false));
  const invalidator = options.queryClient
    ? createInvalidator(options.queryClient, options.invalidateEveryMs ?? 1000)
    : null;

  let source: EventSource | null = null;
  let status: StreamStatus = "connecting";
  let lastId: number | null = null;
  let running = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let quietTimer: ReturnType<typeof setTimeout> | null = null;
  const statusListeners = new Set<() => void>();
  const eventListeners = new Set<(e: StreamEvent) => void>();

  const setStatus = (next: StreamStatus) => {
    if (next === status) return;
    status = next;
    statusListeners.forEach((l) => l());
  };

  const clearTimers = () => {
    if (retryTimer) clearTimeout(retryTimer);
    if (quietTimer) clearTimeout(quietTimer);
    retryTimer = quietTimer = null;
  };

  const close = () => {
    if (!source) return;
    source.onopen = source.onerror = null;
    for (const name of eventNames) source.removeEventListener(name, onMessage);
    source.close();
    source = null;
  };

  // While catching up, every replayed event pushes the "live" moment out a little.
  const markCatchingUp = () => {
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      quietTimer = null;
      if (source && status === "behind") setStatus("live");
    }, quietMs);
  };

  function onMessage(raw: Event) {
    const msg = raw as MessageEvent<string>;
    const parsed = readStreamData(msg.data);
    if (!parsed) return;
    // A replay can overlap what we already have: never deliver an id twice.
    if (lastId !== null && parsed.id <= lastId) return;
    lastId = parsed.id;
    failures = 0;
    if (status === "behind") markCatchingUp();
    const event: StreamEvent = { ...parsed, kind: parsed.trigger ?? "unrecognised" };
    invalidator?.add(event.kind);
    eventListeners.forEach((l) => l(event));
  }

  const open = () => {
    if (!ES || !running) return;
    close();
    // A fresh EventSource cannot be given a Last-Event-ID header: say where to resume in the URL.
    const target = lastId === null ? url : `${url}${url.includes("?") ? "&" : "?"}after=${lastId}`;
    const es = new ES(target, { withCredentials: true });
    const openedAfter = lastId;
    source = es;
    let nativeFailures = 0;
    // Replaying only follows a resume: a fresh open with after=, or the browser's retry after an error.
    // (Chrome may announce "open" again on a healthy connection; that is no reason to say "behind".)
    let resuming = openedAfter !== null;
    es.onopen = () => {
      nativeFailures = 0;
      failures = 0;
      if (!resuming) setStatus("live");
      else {
        resuming = false;
        setStatus("behind");
        markCatchingUp();
      }
    };
    es.onerror = () => {
      if (source !== es) return;
      resuming = lastId !== null;
      failures += 1;
      nativeFailures += 1;
      const closed = es.readyState === 2; /* CLOSED */
      // The browser's own retry sends Last-Event-ID, but the server prefers our `after=`: let it
      // retry only while that still names the last event we have.
      if (
        !closed &&
        (openedAfter === null || openedAfter === lastId) &&
        nativeFailures <= nativeRetries &&
        isOnline()
      ) {
        setStatus(failures >= offlineAfter ? "offline" : "reconnecting");
        return;
      }
      close();
      schedule();
    };
    for (const name of eventNames) es.addEventListener(name, onMessage);
  };

  const schedule = () => {
    if (!running) return;
    setStatus(!isOnline() || failures >= offlineAfter ? "offline" : "reconnecting");
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        open();
      },
      backoffDelay(failures, base, max, options.random),
    );
  };

  const onOnline = () => {
    if (running && status !== "live" && status !== "behind") {
      failures = 0;
      api.reconnect();
    }
  };
  const onOffline = () => {
    if (running) setStatus("offline");
  };

  const api: EventStream = {
    start() {
      if (running) return;
      running = true;
      setStatus(lastId === null ? "connecting" : "reconnecting");
      if (typeof window !== "undefined") {
        window.addEventListener("online", onOnline);
        window.addEventListener("offline", onOffline);
      }
      open();
    },
    stop() {
      if (!running) return;
      running = false;
      clearTimers();
      invalidator?.cancel();
      close();
      if (typeof window !== "undefined") {
        window.removeEventListener("online", onOnline);
        window.removeEventListener("offline", onOffline);
      }
    },
    reconnect() {
      if (!running) return;
      clearTimers();
      setStatus("reconnecting");
      open();
    },
    getStatus: () => status,
    getLastId: () => lastId,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
  };
  return api;
}

// --- the tab's one connection ---

let shared: EventStream | null = null;
let users = 0;
let stopTimer: ReturnType<typeof setTimeout> | null = null;

function sharedStream(queryClient: QueryClient): EventStream {
  shared ??= createEventStream({ queryClient });
  return shared;
}

/** Keeps the tab's one connection open while mounted (the app layout mounts it once). */
export function useEventStreamConnection(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stream = sharedStream(queryClient);
    users += 1;
    if (stopTimer) clearTimeout(stopTimer);
    stopTimer = null;
    stream.start();
    return () => {
      users -= 1;
      // A remount right after (StrictMode, route change) keeps the same connection.
      if (users === 0) stopTimer = setTimeout(() => users === 0 && stream.stop(), 1000);
    };
  }, [queryClient]);
}

export function useEventStreamStatus(): StreamStatus {
  const stream = sharedStream(useQueryClient());
  return useSyncExternalStore(stream.onStatus, stream.getStatus, stream.getStatus);
}

/** Calls `listener` for every event that arrives; the latest listener is used without resubscribing. */
export function useStreamEvents(listener: (e: StreamEvent) => void): void {
  const stream = sharedStream(useQueryClient());
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => stream.subscribe((e) => ref.current(e)), [stream]);
}

export function useEventStream(): EventStream {
  return sharedStream(useQueryClient());
}
