import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FeedEvent } from "@/contract/api/events";
import { useStreamEvents, type StreamEvent } from "@/web/lib/event-stream";
import { feedHistoryQuery, fetchEvents } from "./feed-api";
import { parseTypes, type FeedFilters } from "./feed-search";

const CATCH_UP_EVERY_MS = 200;
const CATCH_UP_PAGE = 500;

const EMPTY: FeedEvent[] = [];

interface LiveState {
  key: string;
  /** Shown above the history, newest first. */
  live: FeedEvent[];
  /** Arrived while paused, newest first. */
  held: FeedEvent[];
}

/** Cheap checks on a stream event before asking the server; the server applies the full filter. */
export function mightMatch(e: Pick<StreamEvent, "kind" | "payload">, filters: FeedFilters): boolean {
  if (filters.types && !parseTypes(filters.types).includes(e.kind)) return false;
  const stream = (e.payload as { MessageStream?: unknown } | null)?.MessageStream;
  if (filters.stream && typeof stream === "string" && stream !== filters.stream) return false;
  return true;
}

/** Newest first without repeats (a live event can also be on a refetched history page). */
export function mergeEvents(...lists: FeedEvent[][]): FeedEvent[] {
  const seen = new Set<number>();
  const out: FeedEvent[] = [];
  for (const list of lists) {
    for (const e of list) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      out.push(e);
    }
  }
  return out;
}

/**
 * The feed's rows: stored history (keyset pages, older on demand) plus what arrives live.
 * Stream events only notify; the rows themselves are fetched with `after=` so the server's
 * filters and summaries apply to live rows exactly as to history.
 */
export function useFeedEvents(filters: FeedFilters, paused: boolean) {
  const key = JSON.stringify(filters);
  const history = useInfiniteQuery(feedHistoryQuery(filters));
  const [state, setState] = useState<LiveState>({ key, live: [], held: [] });
  const current = state.key === key ? state : { key, live: EMPTY, held: EMPTY };

  const historyEvents = useMemo(() => history.data?.pages.flatMap((p) => p.events) ?? [], [history.data]);
  const top = Math.max(current.held[0]?.id ?? 0, current.live[0]?.id ?? 0, historyEvents[0]?.id ?? 0);

  // The async catch-up reads the latest values through refs.
  const latest = useRef({ key, filters, top, paused, ready: history.isSuccess });
  latest.current = { key, filters, top, paused, ready: history.isSuccess };
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const catchUp = useCallback(async () => {
    if (!latest.current.ready) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      let { key: k, filters: f, top: after } = latest.current;
      for (;;) {
        const res = await fetchEvents(f, { after, limit: CATCH_UP_PAGE });
        if (latest.current.key !== k) break;
        if (res.events.length) {
          const arrived = res.events;
          setState((s) => {
            const base = s.key === k ? s : { key: k, live: [], held: [] };
            return latest.current.paused
              ? { ...base, held: mergeEvents(arrived, base.held) }
              : { ...base, live: mergeEvents(arrived, base.live) };
          });
          after = Math.max(after, arrived[0]!.id);
        }
        if (res.nextAfter === null) break;
        after = Math.max(after, res.nextAfter);
        ({ key: k, filters: f } = latest.current);
      }
    } catch {
      // The next stream event (or reconnect replay) tries again.
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void catchUp();
      }
    }
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void catchUp();
    }, CATCH_UP_EVERY_MS);
  }, [catchUp]);

  useStreamEvents((e) => {
    if (mightMatch(e, latest.current.filters)) schedule();
  });

  // Whenever history (re)loads, fetch anything newer that arrived while this view was away.
  const loadedAt = history.isSuccess ? history.dataUpdatedAt : 0;
  useEffect(() => {
    if (loadedAt) schedule();
  }, [loadedAt, key, schedule]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const resume = useCallback(() => {
    setState((s) => (s.key === key ? { ...s, live: mergeEvents(s.held, s.live), held: [] } : s));
  }, [key]);

  const events = useMemo(() => mergeEvents(current.live, historyEvents), [current.live, historyEvents]);

  return { history, events, heldCount: current.held.length, resume };
}
