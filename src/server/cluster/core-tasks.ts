import type { Services } from "../services";

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
  s.periodic.register({ name: "sessions.sweep", everyMs: 3_600_000, run: () => s.sessions.sweep() });
  // Counters are short-lived (throttle: an hour; link limit: minutes; notify-once claims: a day).
  s.periodic.register({ name: "counters.sweep", everyMs: 3_600_000, run: () => s.store.counters.sweep(s.clock() - 2 * DAY) });
}
