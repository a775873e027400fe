import type { AlertCheckResponse, AlertItem } from "../../contract/api/alerts";
import { evaluateRule } from "../../contract/health/alert-rules";
import { nextAlertAction } from "../../contract/health/alert-state";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Execute } from "../proxy/execute";
import type { Notifier } from "../push/notifier";
import type { Store } from "../store/index";
import { createAlertsRepo } from "./alerts-repo";
import { measure } from "./measure";
import type { Thresholds } from "./thresholds";

export interface CheckerDeps {
  store: Store;
  execute: Execute;
  clock: Clock;
  logger: Logger;
  notifier: Pick<Notifier, "alert">;
  thresholds: Thresholds;
  /** Starts the workflows an alert triggers; returns the runs created (none twice for one alert). */
  startWorkflows?: (alert: AlertItem) => Promise<number[]>;
}

/**
 * One pass over the enabled rules: measure, judge, and move each rule's alert along
 * (open → keep → resolve), notifying once per breach and again only after the quiet period.
 * A rule whose measurement fails keeps its alert as it is: no data is not a resolution.
 */
export function createAlertChecker(d: CheckerDeps) {
  const repo = createAlertsRepo(d.store.db);
  let running: Promise<AlertCheckResponse> | null = null;

  async function pass(): Promise<AlertCheckResponse> {
    const now = d.clock();
    const iso = new Date(now).toISOString();
    const t = await d.thresholds.get();
    const out: AlertCheckResponse = {
      checked: 0,
      opened: 0,
      resolved: 0,
      notified: 0,
      workflowRuns: 0,
      errors: [],
      at: iso,
    };
    for (const stored of await repo.listRules()) {
      const rule = stored.rule;
      if (!rule.enabled) continue;
      out.checked++;
      let outcome;
      try {
        outcome = evaluateRule(rule, await measure({ execute: d.execute, store: d.store }, rule, now), t);
      } catch (e) {
        const message = (e as Error)?.message ?? String(e);
        out.errors.push({ ruleId: stored.id, message });
        d.logger.warn("alert rule could not be checked", { rule: stored.id, error: message });
        continue;
      }
      const value = Number.isFinite(outcome.value) ? outcome.value : null;
      const firing = await repo.firingFor(stored.id);
      const state = firing
        ? {
            startedAt: Date.parse(firing.startedAt),
            lastNotifiedAt: firing.lastNotifiedAt ? Date.parse(firing.lastNotifiedAt) : -Infinity,
          }
        : null;
      const action = nextAlertAction(state, outcome.breached, now, rule.remindAfterMinutes * 60_000);
      if (action.type === "open") {
        const opened = await repo.open(stored, { now: iso, value, summary: outcome.summary });
        if (!opened) continue; // another instance opened it in the meantime
        out.opened++;
        d.logger.info("alert firing", { alert: opened.id, rule: stored.id, summary: outcome.summary });
        if (await repo.claimNotification(opened.id, null, iso)) {
          out.notified++;
          d.notifier.alert({ id: opened.id, ruleName: rule.name, summary: outcome.summary, status: "firing" });
        }
      } else if (action.type === "keep" && firing) {
        await repo.keep(firing.id, { now: iso, value, summary: outcome.summary });
        if (action.notify && (await repo.claimNotification(firing.id, firing.lastNotifiedAt, iso))) {
          out.notified++;
          d.notifier.alert({
            id: firing.id,
            ruleName: rule.name,
            summary: outcome.summary,
            status: "firing",
            reminder: true,
          });
        }
      } else if (action.type === "resolve" && firing) {
        if (await repo.resolve(firing.id, iso)) {
          out.resolved++;
          d.logger.info("alert resolved", { alert: firing.id, rule: stored.id });
        }
      }
    }
    await startWorkflows(out, iso);
    return out;
  }

  /**
   * Starts the workflows of every alert whose runs were not started yet: those opened in this pass,
   * and any an earlier pass opened but stopped before starting (a crash, an engine error). Runs are
   * unique per alert and workflow, so two instances doing this at once start each run once.
   */
  async function startWorkflows(out: AlertCheckResponse, iso: string) {
    if (!d.startWorkflows) return;
    for (const alert of await repo.withoutWorkflows()) {
      try {
        out.workflowRuns += (await d.startWorkflows(alert)).length;
        await repo.markWorkflowsStarted(alert.id, iso);
      } catch (e) {
        const message = (e as Error)?.message ?? String(e);
        out.errors.push({
          ruleId: alert.ruleId,
          message: `Workflows of alert ${alert.id} could not start: ${message}`,
        });
        d.logger.error("alert workflows could not start", { alert: alert.id, error: message });
      }
    }
  }

  return {
    repo,
    /** Runs one pass; a call while one runs shares it rather than starting a second. */
    checkOnce(): Promise<AlertCheckResponse> {
      running ??= pass().finally(() => (running = null));
      return running;
    },
  };
}
export type AlertChecker = ReturnType<typeof createAlertChecker>;
