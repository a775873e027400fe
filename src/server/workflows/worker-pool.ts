import type { Logger } from "../logger";
import type { RunRow, RunsRepo } from "./runs-repo";

export interface WorkerPoolOptions {
  runs: RunsRepo;
  /** This engine instance: the owner recorded on the runs it claims. */
  owner: string;
  concurrency: number;
  now: () => string;
  logger: Logger;
  /** Takes one claimed run as far as it goes now (the step runner). */
  process: (run: RunRow, opts?: { autoApprove?: boolean }) => Promise<void>;
}

/**
 * Up to `concurrency` workers, each taking runs one at a time: first those this instance claimed
 * when it created them (`ready`), then queued ones claimed from the store (any instance's).
 */
export function createWorkerPool(o: WorkerPoolOptions) {
  /** Runs this instance claimed at creation, waiting for a worker. */
  const ready: RunRow[] = [];
  let maybeQueued = true;
  let active = 0;
  let stopped = false;
  const idle: (() => void)[] = [];

  const settle = () => {
    active--;
    if (active === 0) idle.splice(0).forEach((r) => r());
  };

  function kick() {
    while (!stopped && active < o.concurrency && (ready.length > 0 || maybeQueued)) {
      active++;
      void worker().finally(() => {
        settle();
        kick();
      });
      if (ready.length === 0) break;
    }
  }

  async function worker() {
    while (!stopped) {
      let run: RunRow | null = null;
      try {
        run = ready.shift() ?? null;
        if (!run && maybeQueued) {
          run = await o.runs.claimNext(o.owner, o.now());
          if (!run) maybeQueued = false;
        }
        if (!run) return;
        await o.process(run);
      } catch (e) {
        o.logger.error("workflow run failed inside the engine", { run: run?.id, error: (e as Error).message });
        // Left `running`: the lease sweep or the next start-up picks it up; nothing is re-sent blindly.
      }
    }
  }

  return {
    kick,
    /** Whether new runs may be born claimed by this instance (it has room for them). */
    hasRoom: () => !stopped && ready.length < o.concurrency * 4,
    /** Runs created already claimed by this instance. */
    take: (runs: RunRow[]) => void ready.push(...runs),
    /** There may be queued runs in the store: workers look for them. */
    markQueued: () => void (maybeQueued = true),
    /** Claims a queued run and takes it as far as it goes now (to the end, or to an approval). */
    async runNow(runId: number, opts: { autoApprove?: boolean } = {}): Promise<RunRow | null> {
      const run = await o.runs.claimById(runId, o.owner, o.now());
      if (!run) return null;
      active++;
      try {
        await o.process(run, opts);
      } finally {
        settle();
      }
      return o.runs.get(runId);
    },
    start: () => void (stopped = false),
    /** Stops taking work and waits for runs in progress to reach a resting point. */
    async stop() {
      stopped = true;
      if (active > 0) await new Promise<void>((r) => idle.push(r));
    },
    stats: () => ({ active, ready: ready.length }),
  };
}
export type WorkerPool = ReturnType<typeof createWorkerPool>;
