/** Postmark's paged lists: count ≤ 500 and count + offset ≤ 10,000 (bounces, messages, opens, clicks). */
export const MAX_PAGE_SIZE = 500;
export const MAX_WINDOW = 10_000;

export interface PageWindow {
  count: number;
  offset: number;
}

/** The `count`/`offset` of a 1-based page, kept inside Postmark's limits. */
export function pageWindow(page: number | undefined, size: number): PageWindow {
  const count = Math.min(Math.max(1, Math.floor(size)), MAX_PAGE_SIZE);
  const wanted = Math.max(1, Math.floor(page ?? 1));
  const offset = Math.min((wanted - 1) * count, MAX_WINDOW - count);
  return { count, offset: Math.max(0, offset) };
}

/** The last page a user can reach: Postmark will not page past 10,000 rows even when TotalCount is larger. */
export function lastReachablePage(total: number, size: number): number {
  const pages = Math.ceil(Math.max(0, total) / size);
  return Math.max(1, Math.min(pages, Math.floor(MAX_WINDOW / size)));
}

/** "51–100 of 1,234" for the rows on screen. */
export function rangeLabel(offset: number, shown: number, total: number): string {
  if (shown === 0) return `0 of ${total.toLocaleString("en-US")}`;
  return `${(offset + 1).toLocaleString("en-US")}–${(offset + shown).toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`;
}

/** A date (YYYY-MM-DD) from the URL as Postmark's inclusive `fromdate`/`todate` bounds. */
export function dateBounds(from: string | undefined, to: string | undefined): { fromdate?: string; todate?: string } {
  const out: { fromdate?: string; todate?: string } = {};
  if (from) out.fromdate = `${from}T00:00:00`;
  if (to) out.todate = `${to}T23:59:59`;
  return out;
}
