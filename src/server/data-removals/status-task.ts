import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { DataRemovalsService } from "./service";

/**
 * A periodic task: a name, how often, and one pass given the time. Kept apart from its timer so
 * that a scheduler which runs each task once across instances can take it over.
 */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(now: number): Promise<void>;
}

/** Checks open data removal requests with Postmark until it reports them done. */
export function dataRemovalStatusTask(deps: { service: DataRemovalsService; logger: Logger; everyMs?: number }): PeriodicTask {
  const everyMs = deps.everyMs ?? 15 * 60_000;
  return {
    name: "data-removal-status",
    everyMs,
    async run(now) {
      // A request checked by hand a moment ago waits for the next round.
      const n = await deps.service.checkOpen(now, { minAgeMs: everyMs / 2 });
      if (n) deps.logger.info("checked data removal requests", { count: n });
    },
  };
}

/** Runs a task on a timer in this process (one pass at a time); the timer never keeps the process alive. */
export function startPeriodicTask(task: PeriodicTask, deps: { clock: Clock; logger: Logger; firstAfterMs?: number }): () => void {
  let busy = false;
  const pass = async () => {
    if (busy) return;
    busy = true;
    try {
      await task.run(deps.clock());
    } catch (e) {
      deps.logger.warn(`periodic task ${task.name} failed; will try again`, { error: (e as Error)?.message });
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(() => void pass(), deps.firstAfterMs ?? 60_000);
  const timer = setInterval(() => void pass(), task.everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
