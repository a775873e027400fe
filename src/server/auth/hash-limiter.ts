/**
 * Bounds how many password checks run at once. scrypt runs on libuv's small thread pool, which
 * also serves file reads: a burst of sign-ins must not take all of it. `tryEnter` is synchronous,
 * so a caller can be refused (429) before anything else happens; a slot once granted is always
 * released by `run`.
 */
export interface HashLimiter {
  /** A place in line, or null when `maxQueued` callers are already waiting. */
  tryEnter(): { run<T>(work: () => Promise<T>): Promise<T> } | null;
  /** Checks running and waiting now (for tests and logs). */
  readonly load: { running: number; waiting: number };
}

export function createHashLimiter(opts: { concurrency: number; maxQueued: number }): HashLimiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    tryEnter() {
      if (running >= opts.concurrency && waiting.length >= opts.maxQueued) return null;
      let ready: Promise<void>;
      if (running < opts.concurrency) {
        running++;
        ready = Promise.resolve();
      } else {
        // The slot passes straight from the releasing caller to this one (running stays the same).
        ready = new Promise<void>((r) => waiting.push(r));
      }
      return {
        async run<T>(work: () => Promise<T>): Promise<T> {
          await ready;
          try {
            return await work();
          } finally {
            release();
          }
        },
      };
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}
