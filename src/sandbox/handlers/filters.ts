import { parseEasternFilter } from "../util/time";
import { fail } from "../http/errors";
import type { Query } from "../http/context";
import type { ServerStore } from "../world/server-store";

export interface DateRange {
  from?: number;
  to?: number;
}

/** `fromdate`/`todate` as Eastern-time instants (todate inclusive); bad input fails with `code`. */
export function dateRange(q: Query, code: number): DateRange {
  const range: DateRange = {};
  const from = q.get("fromdate");
  const to = q.get("todate");
  if (from !== undefined) {
    const v = parseEasternFilter(from, false);
    if (v === null) fail(code, `The 'fromdate' parameter is not a valid date: '${from}'.`);
    range.from = v;
  }
  if (to !== undefined) {
    const v = parseEasternFilter(to, true);
    if (v === null) fail(code, `The 'todate' parameter is not a valid date: '${to}'.`);
    range.to = v;
  }
  return range;
}

/** The `messagestream` filter; an unknown stream fails with `code` (1226 for stats, 1235 elsewhere). */
export function streamFilter(q: Query, store: ServerStore, code: number, fallback?: string): string | undefined {
  const id = q.get("messagestream") ?? fallback;
  if (id === undefined) return undefined;
  const found = [...store.streams.keys()].find((k) => k.toLowerCase() === id.toLowerCase());
  if (!found) fail(code, `The message stream '${id}' was not found.`);
  return found;
}

export function contains(haystack: string, needle: string | undefined): boolean {
  return needle === undefined || haystack.toLowerCase().includes(needle.toLowerCase());
}

export function equalsCi(value: string, wanted: string | undefined): boolean {
  return wanted === undefined || value.toLowerCase() === wanted.toLowerCase();
}

/**
 * Newest-first page over a time-sorted array slice, counting every match for TotalCount.
 * A scan over the date-bounded slice only; indexes (per-message maps) serve the id lookups.
 */
export function pageNewestFirst<T>(
  items: readonly T[],
  start: number,
  end: number,
  match: (item: T) => boolean,
  offset: number,
  count: number,
): { total: number; page: T[] } {
  const page: T[] = [];
  let total = 0;
  for (let i = end - 1; i >= start; i--) {
    const item = items[i]!;
    if (!match(item)) continue;
    if (total >= offset && page.length < count) page.push(item);
    total++;
  }
  return { total, page };
}
