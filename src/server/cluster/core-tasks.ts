import { dataRemovalStatusTask } from "../data-removals/status-task";
import { createEventsRepo } from "../events/events-repo";
import type { Services } from "../services";
import { templateHistoryTask } from "../templates/history-check";
import { createTemplateStudio } from "../templates/studio";
import { sweepEvents } from "../workflows/event-sweep";

const DAY = 86_400_000;

/**
 * Mailroom's own periodic work, each run once across instances by the periodic runner. Other
 * modules register theirs the same way: `services.periodic.register({ name, everyMs, run })`.
 */
export function registerCoreTasks(s: Services) {
  s.periodic.register({
    name: "events.retention",
    everyMs: 3_600_000,
    run: async () => {
      const n = await s.events.prune();
      return n ? `pruned ${n} events older than ${s.config.events.retentionDays} days` : undefined;
    },
  });
  s.periodic.register({
    name: "approvals.expiry",
    everyMs: 5_000,
    run: async () => {
      const n = await s.workflows.engine.expireDue();
      return n ? `${n} approval requests expired` : undefined;
    },
  });
  if (s.store.dialect === "postgres") {
    const events = createEventsRepo(s.store.db);
    s.periodic.register({
      name: "workflows.catch-up",
      everyMs: 5_000,
      run: async () => {
        const n = await sweepEvents({
          events,
          settings: s.store.settings,
          now: s.clock(),
          graceMs: s.config.workflows.leaseMs,
          startRuns: (e) => s.workflows.engine.startRuns(e),
        });
        return n ? `handed ${n} stored events to the workflow engine` : undefined;
      },
    });
  }
  // Health alerts: one pass over the rules, once across instances (see alerts/checker.ts).
  s.periodic.register({
    name: "alerts.check",
    everyMs: s.config.alerts.checkEveryMs,
    run: () => s.alerts.checker.checkOnce(),
  });
  // Open data removal requests are checked with Postmark until it reports them done.
  s.periodic.register(dataRemovalStatusTask({ service: s.dataRemovals, logger: s.logger, clock: s.clock }));
  // Templates Mailroom keeps history of are looked at again, so changes made elsewhere are filed.
  if (s.config.templates.checkEveryMs > 0)
    s.periodic.register(
      templateHistoryTask({
        studio: createTemplateStudio(s, s.clock),
        logger: s.logger,
        everyMs: s.config.templates.checkEveryMs,
      }),
    );
  s.periodic.register({ name: "sessions.sweep", everyMs: 3_600_000, run: () => s.sessions.sweep() });
  // Counters are short-lived (throttle: an hour; link limit: minutes; notify-once claims: a day).
  s.periodic.register({
    name: "counters.sweep",
    everyMs: 3_600_000,
    run: () => s.store.counters.sweep(s.clock() - 2 * DAY),
  });
}
