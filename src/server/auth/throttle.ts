import type { Clock } from "../clock";
import type { CountersRepo } from "../store/counters-repo";

/**
 * Login throttle: after `freeFailures` failures for a key (a username or a client address), each
 * further failure locks the key for twice as long as the last. The counts live in the database
 * (rate_counters), so several instances behind a load balancer throttle together and a restart
 * does not reset them.
 */
export interface LoginThrottle {
  /** Milliseconds until the key may try again, or 0. */
  retryAfter(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  succeed(key: string): Promise<void>;
}

const defaults = { freeFailures: 5, baseMs: 30_000, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 };

export function createLoginThrottle(clock: Clock, counters: Pick<CountersRepo, "get" | "hit" | "lockUntil" | "reset">, opts = defaults): LoginThrottle {
  const k = (key: string) => `login:${key}`;
  return {
    async retryAfter(key) {
      const e = await counters.get(k(key));
      if (!e) return 0;
      const now = clock();
      // Forgotten after a quiet hour, like a fresh key.
      if (now - e.lastAt >= opts.forgetMs) return 0;
      return Math.max(0, e.lockedUntil - now);
    },
    async fail(key) {
      const now = clock();
      const e = await counters.hit(k(key), now, opts.forgetMs, "idle");
      if (e.count >= opts.freeFailures) await counters.lockUntil(k(key), now + Math.min(opts.maxMs, opts.baseMs * 2 ** (e.count - opts.freeFailures)));
    },
    async succeed(key) {
      await counters.reset(k(key));
    },
  };
}
