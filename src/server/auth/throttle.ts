import type { Clock } from "../clock";

/**
 * Login throttle kept in memory: after `freeFailures` failures for a key (a username or a
 * client address), each further failure locks the key for twice as long as the last.
 */
export interface LoginThrottle {
  /** Milliseconds until the key may try again, or 0. */
  retryAfter(key: string): number;
  fail(key: string): void;
  succeed(key: string): void;
}

export function createLoginThrottle(clock: Clock, opts = { freeFailures: 5, baseMs: 30_000, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 }): LoginThrottle {
  const entries = new Map<string, { failures: number; lockedUntil: number; last: number }>();

  function sweep(now: number) {
    // Bounded memory: forget keys quiet for an hour, and cap the map's size.
    if (entries.size < 10_000) return;
    for (const [k, e] of entries) if (now - e.last > opts.forgetMs) entries.delete(k);
    if (entries.size >= 10_000) entries.clear();
  }

  return {
    retryAfter(key) {
      const e = entries.get(key);
      if (!e) return 0;
      return Math.max(0, e.lockedUntil - clock());
    },
    fail(key) {
      const now = clock();
      sweep(now);
      const prev = entries.get(key);
      const e = prev && now - prev.last < opts.forgetMs ? prev : { failures: 0, lockedUntil: 0, last: now };
      e.failures += 1;
      e.last = now;
      if (e.failures >= opts.freeFailures) {
        const ms = Math.min(opts.maxMs, opts.baseMs * 2 ** (e.failures - opts.freeFailures));
        e.lockedUntil = now + ms;
      }
      entries.set(key, e);
    },
    succeed(key) {
      entries.delete(key);
    },
  };
}
