import type { Actor } from "../proxy/execute";
import type { PeriodicTask } from "../cluster/periodic";
import type { Logger } from "../logger";
import { PostmarkAnswer, type TemplateStudio } from "./studio";

/** The periodic check reads templates as Mailroom itself, with the least role that may. */
const checker: Actor = { username: "mailroom (periodic check)", role: "viewer" };

/**
 * Looks again at every template Mailroom has a version of and files the content when it changed on
 * Postmark since (someone else, Postmark's web app, an API client), so history holds changes made
 * elsewhere even when no one opens the editor. Runs once across instances.
 */
export function templateHistoryTask(d: { studio: TemplateStudio; logger: Logger; everyMs: number }): PeriodicTask {
  return {
    name: "templates.history-check",
    everyMs: d.everyMs,
    async run() {
      let filed = 0;
      let gone = 0;
      let failed = 0;
      for (const t of await d.studio.history.known()) {
        try {
          const state = await d.studio.observe(
            { user: checker },
            { serverId: t.serverId, templateIdOrAlias: String(t.templateId), source: "seen" },
          );
          if (state.changed) filed++;
        } catch (e) {
          // A template deleted on Postmark keeps its history; it is simply not there to look at.
          if (e instanceof PostmarkAnswer && e.result.status === 422) gone++;
          else {
            failed++;
            d.logger.warn("template history check failed", { template: t.templateId, error: (e as Error).message });
          }
        }
      }
      return filed || gone || failed
        ? `template check: ${filed} changed elsewhere and filed, ${gone} gone from Postmark, ${failed} failed`
        : undefined;
    },
  };
}
