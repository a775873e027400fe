import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { LoaderCircle } from "lucide-react";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { FeedEvent } from "@/contract/api/events";
import { Button } from "@/web/components/ui/button";
import { FeedRow } from "./feed-row";

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export interface FeedListProps {
  events: FeedEvent[];
  selectedId: number | undefined;
  onOpen: (id: number) => void;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}

/** Virtualised against the window scroll, so tens of thousands of rows cost only what is on screen. */
export function FeedList({ events, selectedId, onOpen, hasOlder, loadingOlder, onLoadOlder }: FeedListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setOffset(el.getBoundingClientRect().top + window.scrollY);
    measure();
    // Filters above the list can grow or shrink (phone toggle, wrapping chips).
    const ro = new ResizeObserver(measure);
    if (el.parentElement) ro.observe(el.parentElement);
    return () => ro.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: events.length,
    estimateSize: () => 64,
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (i) => events[i]!.id,
  });
  const items = virtualizer.getVirtualItems();
  const now = useNow(15_000);

  // Infinite scroll: ask for the next older page when the last rows come into view.
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasOlder && !loadingOlder && lastIndex >= events.length - 10) onLoadOlder();
  }, [lastIndex, events.length, hasOlder, loadingOlder, onLoadOlder]);

  return (
    <div>
      <div
        ref={listRef}
        role="list"
        aria-label="Events"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const e = events[item.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <FeedRow event={e} now={now} selected={e.id === selectedId} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
      <div className="flex justify-center p-3">
        {hasOlder ? (
          <Button variant="outline" size="sm" onClick={onLoadOlder} disabled={loadingOlder}>
            {loadingOlder && <LoaderCircle className="animate-spin" aria-hidden />}
            {loadingOlder ? "Loading older events…" : "Load older"}
          </Button>
        ) : (
          <p className="text-xs text-muted-foreground">
            {events.length.toLocaleString()} events · the beginning of the stored history
          </p>
        )}
      </div>
    </div>
  );
}
