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
 * claimed from the store (any instance's) in groups, one claim at a time.
 */
export function createWorkerPool(o: WorkerPoolOptions) {
  const ready: Held[] = [];
  let maybeQueued = true;
  // Bumped by `markQueued`: a claim that found nothing clears `maybeQueued` only if none came meanwhile.
  let marks = 0;
  let claiming = false;
  let active = 0;
  let stopped = false;
  const idle: (() => void)[] = [];

  const settle = () => {
    active--;
    if (active === 0) idle.splice(0).forEach((r) => r());
  };

  function kick() {
    while (!stopped && active < o.concurrency && (ready.length > 0 || (maybeQueued && !claiming))) {
      active++;
      void worker().finally(() => {
        settle();
        kick();
      });
      if (ready.length === 0) break;
    }
  }

  /**
   * Claims a group of queued runs (one statement, as many as there are workers: those not taken at
   * once wait in `ready` for the next free worker, so a busy instance makes one claim per group, not
   * per run), and reads the steps of those started before.
   */
  async function claimGroup(): Promise<Held | null> {
    claiming = true;
    const mark = marks;
    let claimed: Awaited<ReturnType<RunsRepo["claimQueued"]>>;
    try {
      claimed = await o.runs.claimQueued(o.owner, o.now(), o.concurrency);
    } finally {
      claiming = false;
    }
    if (!claimed.length) {
      if (mark === marks) maybeQueued = false;
      else kick();
      return null;
    }
    // Runs started before (an approval resumed them, recovery queued them again) have rows to read.
    const started = claimed.filter((c) => c.hasSteps).map((c) => c.run.id);
    const steps = started.length ? await o.runs.stepsOf(started) : [];
    const held = claimed.map(({ run }) => ({ run, steps: steps.filter((s) => s.run_id === run.id) }));
    ready.push(...held.slice(1));
    // Workers for the rest of the group, and for a next claim if workers stood idle during this one.
    kick();
    return held[0]!;
  }

  async function worker() {
    while (!stopped) {
      let held: Held | null = null;
      try {
        held = ready.shift() ?? null;
        // One claim at a time: a worker that finds one on its way leaves; the claim kicks workers for its group.
        if (!held && maybeQueued && !claiming) held = await claimGroup();
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
    markQueued: () => {
      maybeQueued = true;
      marks++;
    },
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
