/** Postmark list limits: count ≤ 500 and count + offset ≤ 10,000. */
export const POSTMARK_MAX_COUNT = 500;
export const POSTMARK_MAX_WINDOW = 10_000;

export interface PageWindow {
  count: number;
  offset: number;
}

/** The `count`/`offset` of 1-based page `page` of `size` rows, clamped to Postmark's limits. */
export function pageWindow(page: number | undefined, size: number): PageWindow {
  const count = Math.min(Math.max(1, Math.floor(size)), POSTMARK_MAX_COUNT);
  const lastPage = Math.floor((POSTMARK_MAX_WINDOW - count) / count) + 1;
  const p = Math.min(Math.max(1, Math.floor(page ?? 1)), lastPage);
  return { count, offset: (p - 1) * count };
}

/** How many pages `total` rows make, never more than Postmark lets one reach. */
export function pageCountFor(total: number, size: number): number {
  const count = Math.min(Math.max(1, Math.floor(size)), POSTMARK_MAX_COUNT);
  const reachable = Math.min(total, POSTMARK_MAX_WINDOW);
  return Math.max(1, Math.ceil(reachable / count));
}

/** "21–40 of 57", or "0 of 0". */
export function pageRangeLabel(window: PageWindow, shown: number, total: number): string {
  if (shown === 0) return `0 of ${total}`;
  return `${window.offset + 1}–${window.offset + shown} of ${total}`;
}
