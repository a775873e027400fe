/** Index of the first item whose key is >= `value` (items sorted ascending by key). */
export function lowerBound<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0,
    hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps an array sorted by time: append in the common case, splice only for late arrivals. */
export function insertSorted<T>(items: T[], item: T, key: (item: T) => number): void {
  const k = key(item);
  if (items.length === 0 || key(items[items.length - 1]!) <= k) items.push(item);
  else items.splice(lowerBound(items, key, k + 1), 0, item);
}

/** The [start, end) slice of a time-sorted array that falls within [from, to]. */
export function timeRange<T>(
  items: readonly T[],
  key: (item: T) => number,
  from?: number,
  to?: number,
): [number, number] {
  const start = from === undefined ? 0 : lowerBound(items, key, from);
  const end = to === undefined ? items.length : lowerBound(items, key, to + 1);
  return [start, Math.max(start, end)];
}
