import type { Clock } from "../clock";
import type { PeriodicTask } from "../cluster/periodic";
import type { Logger } from "../logger";
import type { DataRemovalsService } from "./service";

/**
 * Checks open data removal requests with Postmark until it reports them done. Registered with
 * the periodic runner, so several instances sharing a database check once, not once each.
 */
export function dataRemovalStatusTask(deps: {
  service: DataRemovalsService;
  logger: Logger;
  clock: Clock;
  everyMs?: number;
}): PeriodicTask {
  const everyMs = deps.everyMs ?? 15 * 60_000;
  return {
    name: "data-removals.status",
    everyMs,
    async run() {
      // A request checked by hand a moment ago waits for the next round.
      const n = await deps.service.checkOpen(deps.clock(), { minAgeMs: everyMs / 2 });
      if (n) deps.logger.info("checked data removal requests", { count: n });
    },
  };
}
