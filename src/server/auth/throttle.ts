import type { Clock } from "../clock";
import type { CountersRepo } from "../store/counters-repo";

/**
 * Login throttle. Every attempt is counted before its password is checked, in one atomic
 * database step, so a burst of parallel attempts cannot all slip through before the failures are
 * recorded. A key (a username or a client address) gets `freeFailures` attempts; the next one
 * locks it, and once a lock ends one more attempt is let through and locks it for twice as long.
 * A successful sign-in forgets the key. The counts live in the database (rate_counters), so
 * several instances behind a load balancer throttle together and a restart does not reset them.
 */
export interface LoginThrottle {
  /** Counts an attempt; 0 when it may go on to the password check, else milliseconds to wait. */
  attempt(key: string): Promise<number>;
  succeed(key: string): Promise<void>;
}

const defaults = { freeFailures: 5, baseMs: 30_000, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 };

export function createLoginThrottle(
  clock: Clock,
  counters: Pick<CountersRepo, "hit" | "replaceLock" | "reset">,
  opts = defaults,
): LoginThrottle {
  const k = (key: string) => `login:${key}`;
  const lockMs = (count: number) => Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, count - opts.freeFailures - 1));
  return {
    async attempt(key) {
      const now = clock();
      // Forgotten after a quiet hour: the counter then starts again at 1 with no lock.
      const e = await counters.hit(k(key), now, opts.forgetMs, "idle");
      if (e.count <= opts.freeFailures) return 0;
      if (e.lockedUntil > now) return e.lockedUntil - now;
      const until = now + lockMs(e.count);
      // Only one attempt may pass an expired lock (and it sets the next, longer one); the first
      // lock (never locked before) lets nobody through.
      const won = await counters.replaceLock(k(key), e.lockedUntil, until);
      if (won && e.lockedUntil > 0) return 0;
      return won ? until - now : Math.max(1, opts.baseMs);
    },
    async succeed(key) {
      await counters.reset(k(key));
    },
  };
}
