import type { Context } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
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

/** One SSE message per event, serialised once however many clients receive it. */
const serialised = new WeakMap<FeedEvent, string>();
function dataOf(e: FeedEvent): string {
  let text = serialised.get(e);
  if (text === undefined) {
    const data: StreamEventData = {
      id: e.id,
      trigger: e.trigger,
      receivedAt: e.receivedAt,
      serverId: e.serverId,
      payload: e.payload,
      flags: e.flags,
    };
    text = JSON.stringify(data);
    // Huge inbound mail stays out of the stream; the client fetches GET /api/events/:id.
    if (text.length > LIST_PAYLOAD_LIMIT)
      text = JSON.stringify({ ...data, payload: null, flags: { ...e.flags, payloadOmitted: true } });
    serialised.set(e, text);
  }
  return text;
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

/**
 * GET /api/events/stream. Subscribes to the bus first, then replays the store after the client's
 * last id, then forwards live events, skipping ids already sent: no gap, no duplicate. Each
 * connection has a bounded queue; a client that cannot keep up is dropped and reconnects with
 * Last-Event-ID, so it never holds up the intake or the other clients.
 */
export function sseHandler(s: Services) {
  const { heartbeatMs, limit } = { heartbeatMs: s.config.events.sseHeartbeatMs, limit: s.config.events.sseQueueLimit };
  return (c: Context<AppEnv>) => {
    const from = startId(c);
    const types = typesOnly.parse({ types: c.req.query("types") }).types as EventKind[] | undefined;
    const wanted = (e: { trigger: string | null }) =>
      !types || types.includes((e.trigger ?? "unrecognised") as EventKind);
    c.header("X-Accel-Buffering", "no");
    c.header("Cache-Control", "no-cache");
    const session = c.get("session");
    return streamSSE(c, async (stream) => {
      const queue: FeedEvent[] = [];
      let closed = false;
      let wake: (() => void) | null = null;
      const signal = () => {
        const w = wake;
        wake = null;
        w?.();
      };
      const end = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        stopWatching();
        signal();
      };
      // Sign-out, a removed user, a new role or password: the stream ends with its session.
      const stopWatching = s.sessions.onEnd((ended) => {
        if (endsSession(ended, session)) end();
      });
      const drop = () => {
        end();
        stream.abort();
        // Closing the socket tells the browser at once; it reconnects with Last-Event-ID.
        c.env?.incoming?.socket?.destroy();
      };
      const unsubscribe = s.events.bus.subscribe((e) => {
        if (closed || !wanted(e)) return;
        if (queue.length >= limit) {
          s.logger.warn("SSE client too slow; dropped", { queued: queue.length });
          return drop();
        }
        queue.push(feedOf(e));
        signal();
      });
      stream.onAbort(end);
      c.req.raw.signal?.addEventListener("abort", end);

      try {
        await stream.write("retry: 3000\n: connected\n\n");
        let lastSent = from ?? 0;
        if (from !== null) {
          for (;;) {
            const rows = await s.events.repo.pageAfter({ types }, lastSent, REPLAY_PAGE);
            for (const r of rows) {
              if (closed) return;
              await send(stream, presentRow(r, { full: true }));
              lastSent = r.id;
            }
            if (rows.length < REPLAY_PAGE) break;
          }
        }
        while (!closed) {
          if (!queue.length) {
            let timer: NodeJS.Timeout | undefined;
            await new Promise<void>((r) => {
              wake = r;
              timer = setTimeout(r, heartbeatMs);
            });
            clearTimeout(timer);
            wake = null;
            if (closed) break;
            if (!queue.length) {
              // Each heartbeat re-checks the session: another instance may have ended it.
              if (!(await s.sessions.stillValid(session).catch(() => false))) break;
              if (closed) break;
              await stream.write(": heartbeat\n\n");
              continue;
            }
          }
          const e = queue.shift()!;
          if (e.id <= lastSent) continue; // already replayed from the store
          await send(stream, e);
          lastSent = e.id;
        }
      } finally {
        end();
      }
    });
  };
}

async function send(stream: SSEStreamingApi, e: FeedEvent) {
  await stream.write(`id: ${e.id}\nevent: ${e.trigger ?? "unrecognised"}\ndata: ${dataOf(e)}\n\n`);
}
