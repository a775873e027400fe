import type { Logger } from "../logger";
import type { RunRow, RunsRepo, StepRow } from "./runs-repo";

export interface WorkerPoolOptions {
  runs: RunsRepo;
  /** This engine instance: the owner recorded on the runs it claims. */
  owner: string;
  concurrency: number;
  now: () => string;
  logger: Logger;
  /** Takes one claimed run as far as it goes now (the step runner); `steps` are its step rows when already known. */
  process: (run: RunRow, opts?: { autoApprove?: boolean; steps?: StepRow[] }) => Promise<void>;
}

/** A run this instance holds, with its step rows as read when it was claimed. */
interface Held {
  run: RunRow;
  steps: StepRow[];
}

/**
 * Up to `concurrency` workers, each taking runs one at a time: first those this instance holds
 * (`ready`: claimed when it created them, or claimed in a group from the store), then queued ones
 * claimed from the store (any instance's), as many at once as there are idle workers.
 */
export function createWorkerPool(o: WorkerPoolOptions) {
  const ready: Held[] = [];
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

  /** Claims queued runs for this worker and the idle ones (one statement), and reads the steps of those started before. */
  async function claimGroup(): Promise<Held | null> {
    const claimed = await o.runs.claimQueued(o.owner, o.now(), o.concurrency - active + 1);
    if (!claimed.length) {
      maybeQueued = false;
      return null;
    }
    // Runs started before (an approval resumed them, recovery queued them again) have rows to read.
    const started = claimed.filter((c) => c.hasSteps).map((c) => c.run.id);
    const steps = started.length ? await o.runs.stepsOf(started) : [];
    const held = claimed.map(({ run }) => ({ run, steps: steps.filter((s) => s.run_id === run.id) }));
    ready.push(...held.slice(1));
    if (held.length > 1) kick();
    return held[0]!;
  }

  async function worker() {
    while (!stopped) {
      let held: Held | null = null;
      try {
        held = ready.shift() ?? null;
        if (!held && maybeQueued) held = await claimGroup();
        if (!held) return;
        await o.process(held.run, { steps: held.steps });
      } catch (e) {
        o.logger.error("workflow run failed inside the engine", { run: held?.run.id, error: (e as Error).message });
        // Left `running`: the lease sweep or the next start-up picks it up; nothing is re-sent blindly.
      }
    }
  }

  return {
    kick,
    /** Whether new runs may be born claimed by this instance (it has room for them). */
    hasRoom: () => !stopped && ready.length < o.concurrency * 4,
    /** Runs created already claimed by this instance: new, so they have no steps yet. */
    take: (runs: RunRow[]) => void ready.push(...runs.map((run) => ({ run, steps: [] }))),
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
    /** Stops taking work, queues again the held runs no worker started, and waits for runs in progress. */
    async stop() {
      stopped = true;
      // Compare-and-set on the lease as held, so a run another instance took meanwhile is left alone.
      for (const { run } of ready.splice(0))
        await o.runs
          .requeueAbandoned(run)
          .catch((e: Error) => o.logger.error("could not queue a held run again", { run: run.id, error: e.message }));
      if (active > 0) await new Promise<void>((r) => idle.push(r));
    },
    stats: () => ({ active, ready: ready.length }),
  };
}
export type WorkerPool = ReturnType<typeof createWorkerPool>;
