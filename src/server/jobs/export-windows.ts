// Walking a Postmark search past its `count + offset ≤ 10,000` ceiling: the date range is cut
// into windows small enough to page through whole. Pure apart from the `fetch` it is given.

/** Postmark refuses count + offset above this for bounces, messages, opens and clicks. */
export const POSTMARK_CEILING = 10_000;
export const MAX_PAGE = 500;

/**
 * An inclusive range of seconds on the US Eastern wall-clock timeline (Postmark reads `fromdate`
 * and `todate` as Eastern local time, to the second, both inclusive). Windows [a, m] and [m+1, b]
 * therefore cover [a, b] without overlap.
 */
export interface Window {
  from: number;
  to: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Seconds of a Postmark date filter; `end` makes a date cover its whole day (a minute its whole minute). */
export function parsePostmarkDate(text: string, end: boolean): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  const base = Date.UTC(y!, mo! - 1, d!, h ?? 0, mi ?? 0, s ?? 0) / 1000;
  if (!end) return base;
  return base + (h === undefined ? 86_399 : s === undefined ? 59 : 0);
}

export const formatPostmarkDate = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 19);

/** Now on the Eastern wall clock, as seconds of the same timeline. */
export function easternNowSeconds(ms: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/New_York",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) / 1000;
}

/** Two halves of a window, older first; null when it is one second and cannot be cut. */
export function splitWindow(w: Window): [Window, Window] | null {
  if (w.to <= w.from) return null;
  const mid = Math.floor((w.from + w.to) / 2);
  return [
    { from: w.from, to: mid },
    { from: mid + 1, to: w.to },
  ];
}

export interface Page<T> {
  total: number;
  rows: T[];
}

export class ExportWindowError extends Error {
  override name = "ExportWindowError";
}

export interface WalkStats {
  /** Rows handed to `onRows` (after de-duplication). */
  rows: number;
  /** Rows seen twice (at a window edge, or shifted by new mail while paging) and dropped. */
  duplicates: number;
  /** Windows paged through. */
  windows: number;
  requests: number;
  /** Sum of the windows' TotalCount: what Postmark said there was. */
  expected: number;
}

/**
 * Pages through every row of `range`, newest window first. A window whose TotalCount exceeds the
 * ceiling is cut in halves until each half fits; rows are de-duplicated by `key`.
 */
export async function walkWindows<T>(opts: {
  range: Window;
  fetch: (w: Window, offset: number, count: number) => Promise<Page<T>>;
  key: (row: T) => string;
  onRows: (rows: T[]) => Promise<void> | void;
  pageSize?: number;
  ceiling?: number;
  /** Called between requests (cancel and lease checks). */
  checkpoint?: () => Promise<void>;
  /** Called once a window's rows have all been handed to `onRows` (where a resumed walk may start). */
  onWindowDone?: (w: Window, stats: WalkStats) => Promise<void> | void;
}): Promise<WalkStats> {
  const pageSize = Math.min(opts.pageSize ?? MAX_PAGE, MAX_PAGE);
  const ceiling = opts.ceiling ?? POSTMARK_CEILING;
  const seen = new Set<string>();
  const stats: WalkStats = { rows: 0, duplicates: 0, windows: 0, requests: 0, expected: 0 };
  const fetch = async (w: Window, offset: number, count: number) => {
    if (offset + count > ceiling)
      throw new ExportWindowError(`internal: a request past the ceiling (${offset}+${count})`);
    await opts.checkpoint?.();
    stats.requests++;
    return opts.fetch(w, offset, count);
  };
  const emit = async (rows: T[]) => {
    const fresh = rows.filter((r) => {
      const k = opts.key(r);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    stats.duplicates += rows.length - fresh.length;
    stats.rows += fresh.length;
    if (fresh.length) await opts.onRows(fresh);
  };

  const stack: { w: Window; first: Page<T> }[] = [
    { w: opts.range, first: await fetch(opts.range, 0, Math.min(pageSize, ceiling)) },
  ];
  while (stack.length) {
    const { w, first } = stack.pop()!;
    if (first.total > ceiling) {
      const halves = splitWindow(w);
      if (!halves)
        throw new ExportWindowError(
          `More than ${ceiling.toLocaleString("en")} rows fall within one second (${formatPostmarkDate(w.from)}), so they cannot be exported through Postmark's search.`,
        );
      const [older, newer] = halves;
      const a = await fetch(older, 0, Math.min(pageSize, ceiling));
      const b = await fetch(newer, 0, Math.min(pageSize, ceiling));
      if (a.total >= first.total && b.total >= first.total) {
        throw new ExportWindowError(
          "Postmark ignores the date filter for this search, so more than 10,000 rows cannot be exported; narrow the other filters.",
        );
      }
      stack.push({ w: older, first: a }, { w: newer, first: b });
      continue;
    }
    stats.windows++;
    await emit(first.rows);
    // Page on; mail arriving meanwhile raises the total (rows shift to later pages, never lost).
    let total = first.total;
    let regrown = false;
    for (let offset = first.rows.length; offset < total && first.rows.length > 0;) {
      const count = Math.min(pageSize, total - offset);
      if (offset + count > ceiling) {
        regrown = true;
        break;
      }
      const page = await fetch(w, offset, count);
      await emit(page.rows);
      total = Math.max(total, page.total);
      if (page.rows.length === 0) break;
      offset += page.rows.length;
    }
    if (regrown) {
      // The window grew past the ceiling while being read: read it again in halves (seen rows are skipped).
      stats.windows--;
      stack.push({ w, first: { total: total, rows: [] } });
      continue;
    }
    stats.expected += total;
    await opts.onWindowDone?.(w, stats);
  }
  return stats;
}

/**
 * What is left of `range` once the windows in `done` (disjoint, finished) are taken out: the
 * ranges a resumed walk still has to read, newest first (the order a walk reads in).
 */
export function remainingRanges(range: Window, done: readonly Window[]): Window[] {
  const cuts = [...done].filter((d) => d.to >= range.from && d.from <= range.to).sort((a, b) => a.from - b.from);
  const out: Window[] = [];
  let next = range.from;
  for (const d of cuts) {
    if (d.from > next) out.push({ from: next, to: Math.min(d.from - 1, range.to) });
    next = Math.max(next, d.to + 1);
  }
  if (next <= range.to) out.push({ from: next, to: range.to });
  return out.reverse();
}
