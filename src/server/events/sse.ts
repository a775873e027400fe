import type { Context } from "hono";
import { eventsQuery, type EventKind, type FeedEvent, type StreamEventData } from "../../contract/api/events";
import { endsSession } from "../auth/sessions";
import { ApiFailure } from "../errors";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import type { BusEvent } from "./bus";
import { LIST_PAYLOAD_LIMIT, presentRow } from "./present";

const REPLAY_PAGE = 200;
const typesOnly = eventsQuery.pick({ types: true });

/** A bus event as browsers see it, made once however many clients receive it. */
const presented = new WeakMap<BusEvent, FeedEvent>();
function feedOf(e: BusEvent): FeedEvent {
  let item = presented.get(e);
  if (item === undefined) presented.set(e, (item = presentRow(e.row, { full: true, payload: e.payload })));
  return item;
}

/**
 * One SSE message per event, serialised and encoded once however many clients receive it: every
 * client's stream is given the same bytes.
 */
const messages = new WeakMap<FeedEvent, Uint8Array>();
const encoder = new TextEncoder();
function messageOf(e: FeedEvent): Uint8Array {
  let bytes = messages.get(e);
  if (bytes === undefined) {
    const data: StreamEventData = {
      id: e.id,
      trigger: e.trigger,
      receivedAt: e.receivedAt,
      serverId: e.serverId,
      payload: e.payload,
      flags: e.flags,
    };
    let text = JSON.stringify(data);
    // Huge inbound mail stays out of the stream; the client fetches GET /api/events/:id.
    if (text.length > LIST_PAYLOAD_LIMIT)
      text = JSON.stringify({ ...data, payload: null, flags: { ...e.flags, payloadOmitted: true } });
    bytes = encoder.encode(`id: ${e.id}\nevent: ${e.trigger ?? "unrecognised"}\ndata: ${text}\n\n`);
    messages.set(e, bytes);
  }
  return bytes;
}

/**
 * One timer for every connection of the handler (not one per client and wait): each tick asks
 * every client for a heartbeat, which it writes once its queue is empty.
 */
function heartbeats(everyMs: number) {
  const beats = new Set<() => void>();
  let ticker: NodeJS.Timeout | null = null;
  return (beat: () => void) => {
    beats.add(beat);
    if (!ticker) {
      ticker = setInterval(() => {
        for (const b of beats) b();
      }, everyMs);
      ticker.unref();
    }
    return () => {
      beats.delete(beat);
      if (!beats.size && ticker) {
        clearInterval(ticker);
        ticker = null;
      }
    };
  };
}

/**
 * When live events are written. Every write to a connection costs a syscall and a wake-up of the
 * browser, so with many connections events that arrive close together share one write: after a
 * write, the next waits until the interval has passed (1 ms per 25 connections, at most 20 ms).
 * Sparse events, and a few connections, still go out at once.
 */
function coalescer() {
  const dirty = new Set<() => void>();
  let connections = 0;
  let scheduled = false;
  let lastFlush = 0;
  const flush = () => {
    scheduled = false;
    lastFlush = performance.now();
    const due = [...dirty];
    dirty.clear();
    for (const write of due) write();
  };
  return {
    connect() {
      connections++;
      return () => void connections--;
    },
    /** Asks for `write` to run at the next flush. */
    mark(write: () => void) {
      dirty.add(write);
      if (scheduled) return;
      scheduled = true;
      const wait = lastFlush + Math.min(20, connections / 25) - performance.now();
      if (wait <= 0) setImmediate(flush);
      else setTimeout(flush, wait).unref();
    },
  };
}

/** Several SSE messages as one chunk (one write). */
function joined(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function startId(c: Context<AppEnv>): number | null {
  const after = c.req.query("after");
  if (after !== undefined) {
    if (!/^\d{1,15}$/.test(after)) throw new ApiFailure(400, "validation_failed", "after must be an event id.");
    return Number(after);
  }
  // Browsers resend the last id they saw; a malformed one is treated as absent.
  const last = c.req.header("last-event-id")?.trim();
  return last && /^\d{1,15}$/.test(last) ? Number(last) : null;
}

const CONNECTED = encoder.encode("retry: 3000\n: connected\n\n");
const HEARTBEAT = encoder.encode(": heartbeat\n\n");
/** Messages a connection's stream holds before its browser is counted as behind (the socket has its own buffer). */
const STREAM_BUFFER = 8;

/**
 * GET /api/events/stream. Subscribes to the bus first, then replays the store after the client's
 * last id, then forwards live events, skipping ids already sent: no gap, no duplicate. A live event
 * goes straight into the response stream when it has room (the same bytes for every client, no
 * per-client task or timer); otherwise it waits in a bounded queue that the stream drains as the
 * browser reads. A client that cannot keep up is dropped and reconnects with Last-Event-ID, so it
 * never holds up the intake or the other clients.
 */
export function sseHandler(s: Services) {
  const limit = s.config.events.sseQueueLimit;
  const onHeartbeat = heartbeats(s.config.events.sseHeartbeatMs);
  const writes = coalescer();
  return async (c: Context<AppEnv>) => {
    const from = startId(c);
    const types = typesOnly.parse({ types: c.req.query("types") }).types as EventKind[] | undefined;
    // Before subscribing and replaying: from here on, every newly committed event reaches the bus.
    const release = await s.events.holdLive().catch((e: Error) => {
      s.logger.warn("live feed unavailable", { error: e.message });
      throw new ApiFailure(503, "unavailable", "The live feed is unavailable; the browser retries.");
    });
    const wanted = (e: { trigger: string | null }) =>
      !types || types.includes((e.trigger ?? "unrecognised") as EventKind);
    const session = c.get("session");

    let out!: ReadableStreamDefaultController<Uint8Array>;
    const queue: FeedEvent[] = [];
    let closed = false;
    let replaying = from !== null;
    let lastSent = from ?? 0;
    let checking = false;
    let roomWaiter: (() => void) | null = null;

    const room = () => !closed && (out.desiredSize ?? 0) > 0;
    const put = (e: FeedEvent) => {
      if (e.id <= lastSent) return; // already replayed from the store
      out.enqueue(messageOf(e));
      lastSent = e.id;
    };
    // Everything queued goes out as one chunk (see coalescer); ids already replayed are skipped.
    const drain = () => {
      if (replaying || !queue.length || !room()) return;
      const parts: Uint8Array[] = [];
      let size = 0;
      for (const e of queue) {
        if (e.id <= lastSent) continue;
        const bytes = messageOf(e);
        parts.push(bytes);
        size += bytes.length;
        lastSent = e.id;
      }
      queue.length = 0;
      if (parts.length) out.enqueue(joined(parts, size));
    };
    const wakeReplay = () => {
      const w = roomWaiter;
      roomWaiter = null;
      w?.();
    };
    const end = () => {
      if (closed) return;
      closed = true;
      disconnect();
      unsubscribe();
      release();
      stopWatching();
      stopBeats();
      wakeReplay();
      try {
        out.close();
      } catch {
        // already closed or cancelled by the browser leaving
      }
    };
    // Sign-out, a removed user, a new role or password: the stream ends with its session.
    const stopWatching = s.sessions.onEnd((ended) => {
      if (endsSession(ended, session)) end();
    });
    const disconnect = writes.connect();
    const unsubscribe = s.events.bus.subscribe((e) => {
      if (closed || !wanted(e)) return;
      if (queue.length >= limit) {
        s.logger.warn("SSE client too slow; dropped", { queued: queue.length });
        end();
        // Closing the socket tells the browser at once; it reconnects with Last-Event-ID.
        c.env?.incoming?.socket?.destroy();
        return;
      }
      queue.push(feedOf(e));
      if (!replaying) writes.mark(drain);
    });
    // Each heartbeat re-checks the session: another instance may have ended it. A connection
    // still sending what it has queued needs no heartbeat.
    const stopBeats = onHeartbeat(() => {
      if (closed || replaying || queue.length || checking) return;
      checking = true;
      void s.sessions
        .stillValid(session)
        .catch(() => false)
        .then((valid) => {
          checking = false;
          if (!valid) end();
          else if (room()) out.enqueue(HEARTBEAT);
        });
    });

    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          out = controller;
          out.enqueue(CONNECTED);
        },
        pull() {
          wakeReplay();
          drain();
        },
        cancel: end,
      },
      { highWaterMark: STREAM_BUFFER },
    );
    c.req.raw.signal?.addEventListener("abort", end);

    if (replaying) {
      void (async () => {
        for (;;) {
          const rows = await s.events.repo.pageAfter({ types }, lastSent, REPLAY_PAGE);
          for (const r of rows) {
            while (!room() && !closed) await new Promise<void>((w) => (roomWaiter = w));
            if (closed) return;
            put(presentRow(r, { full: true }));
          }
          if (rows.length < REPLAY_PAGE) break;
        }
        replaying = false;
        drain();
      })().catch((e: Error) => {
        s.logger.warn("SSE replay failed; the browser reconnects", { error: e.message });
        end();
      });
    }

    c.header("Content-Type", "text/event-stream");
    c.header("Cache-Control", "no-cache");
    c.header("Connection", "keep-alive");
    c.header("Transfer-Encoding", "chunked");
    c.header("X-Accel-Buffering", "no");
    return c.body(body);
  };
}
