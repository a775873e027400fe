import { sql, type Kysely } from "kysely";
import type { AlertItem, AlertRule, AlertsQuery } from "../../contract/api/alerts";
import { alertRuleInput, type AlertRuleInput } from "../../contract/health/alert-rules";
import type { AlertsTable, AlertRulesTable, Database } from "../store/schema";

type RuleRow = Omit<AlertRulesTable, "id"> & { id: unknown };
type AlertRow = Omit<AlertsTable, "id"> & { id: unknown };

export interface StoredRule {
  id: number;
  rule: AlertRuleInput;
}

const ruleOf = (r: RuleRow): AlertRule => ({
  id: Number(r.id),
  // Stored by the routes after validation; parsed again so a bad row is loud, not silently used.
  rule: alertRuleInput.parse(JSON.parse(r.document)),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
});

export const presentAlert = (r: AlertRow): AlertItem => ({
  id: Number(r.id),
  ruleId: Number(r.rule_id),
  ruleName: r.rule_name,
  kind: r.kind as AlertItem["kind"],
  serverId: Number(r.server_id),
  stream: r.stream,
  tag: r.tag,
  status: r.status as AlertItem["status"],
  startedAt: r.started_at,
  endedAt: r.ended_at,
  value: r.value === null ? null : Number(r.value),
  summary: r.summary,
  lastCheckedAt: r.last_checked_at,
  notifications: Number(r.notifications),
  lastNotifiedAt: r.last_notified_at,
});

/** Alert rules (soft-deleted) and alerts (one firing row per rule at most). */
export function createAlertsRepo(db: Kysely<Database>) {
  return {
    async listRules(): Promise<AlertRule[]> {
      return (
        await db.selectFrom("alert_rules").selectAll().where("deleted_at", "is", null).orderBy("id").execute()
      ).map(ruleOf);
    },
    async getRule(id: number): Promise<AlertRule | null> {
      const r = await db
        .selectFrom("alert_rules")
        .selectAll()
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return r ? ruleOf(r) : null;
    },
    async createRule(rule: AlertRuleInput, now: string, by: string): Promise<number> {
      const r = await db
        .insertInto("alert_rules")
        .values({
          name: rule.name,
          kind: rule.kind,
          enabled: rule.enabled ? 1 : 0,
          server_id: rule.scope.serverId,
          document: JSON.stringify(rule),
          created_at: now,
          updated_at: now,
          created_by: by,
          deleted_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async updateRule(id: number, rule: AlertRuleInput, now: string): Promise<boolean> {
      const r = await db
        .updateTable("alert_rules")
        .set({
          name: rule.name,
          kind: rule.kind,
          enabled: rule.enabled ? 1 : 0,
          server_id: rule.scope.serverId,
          document: JSON.stringify(rule),
          updated_at: now,
        })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async deleteRule(id: number, now: string): Promise<boolean> {
      const r = await db
        .updateTable("alert_rules")
        .set({ deleted_at: now, enabled: 0 })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async firingFor(ruleId: number): Promise<AlertItem | null> {
      const r = await db
        .selectFrom("alerts")
        .selectAll()
        .where("rule_id", "=", ruleId)
        .where("status", "=", "firing")
        .executeTakeFirst();
      return r ? presentAlert(r) : null;
    },
    async open(rule: StoredRule, o: { now: string; value: number | null; summary: string }): Promise<AlertItem | null> {
      // The unique index on firing rows (partial: the literal must match its WHERE) makes a second instance's open a no-op rather than a duplicate.
      const r = await db
        .insertInto("alerts")
        .values({
          rule_id: rule.id,
          rule_name: rule.rule.name,
          kind: rule.rule.kind,
          server_id: rule.rule.scope.serverId,
          stream: rule.rule.scope.stream ?? null,
          tag: rule.rule.scope.tag ?? null,
          status: "firing",
          started_at: o.now,
          ended_at: null,
          value: o.value,
          summary: o.summary,
          last_checked_at: o.now,
          notifications: 0,
          last_notified_at: null,
          workflows_started_at: null,
        })
        .onConflict((oc) => oc.column("rule_id").where("status", "=", sql.lit("firing")).doNothing())
        .returningAll()
        .executeTakeFirst();
      return r ? presentAlert(r) : null;
    },
    async keep(id: number, o: { now: string; value: number | null; summary: string }) {
      await db
        .updateTable("alerts")
        .set({ last_checked_at: o.now, value: o.value, summary: o.summary })
        .where("id", "=", id)
        .execute();
    },
    /** Marks a notification as sent; false when another check already did (so only one goes out). */
    async claimNotification(id: number, previous: string | null, now: string): Promise<boolean> {
      let q = db
        .updateTable("alerts")
        .set((eb) => ({ last_notified_at: now, notifications: eb("notifications", "+", 1) }))
        .where("id", "=", id)
        .where("status", "=", "firing");
      q = previous === null ? q.where("last_notified_at", "is", null) : q.where("last_notified_at", "=", previous);
      return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
    },
    async resolve(id: number, now: string): Promise<AlertItem | null> {
      const r = await db
        .updateTable("alerts")
        .set({ status: "resolved", ended_at: now, last_checked_at: now })
        .where("id", "=", id)
        .where("status", "=", "firing")
        .returningAll()
        .executeTakeFirst();
      return r ? presentAlert(r) : null;
    },
    /** Alerts whose workflow runs have not been started yet (oldest first). */
    async withoutWorkflows(): Promise<AlertItem[]> {
      const rows = await db
        .selectFrom("alerts")
        .selectAll()
        .where("workflows_started_at", "is", null)
        .orderBy("id")
        .limit(100)
        .execute();
      return rows.map(presentAlert);
    },
    async markWorkflowsStarted(id: number, now: string) {
      await db
        .updateTable("alerts")
        .set({ workflows_started_at: now })
        .where("id", "=", id)
        .where("workflows_started_at", "is", null)
        .execute();
    },
    async get(id: number): Promise<AlertItem | null> {
      const r = await db.selectFrom("alerts").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? presentAlert(r) : null;
    },
    async list(q: Omit<AlertsQuery, "limit"> & { limit: number }): Promise<AlertItem[]> {
      let query = db.selectFrom("alerts").selectAll();
      if (q.status) query = query.where("status", "=", q.status);
      if (q.kind) query = query.where("kind", "=", q.kind);
      if (q.rule) query = query.where("rule_id", "=", q.rule);
      if (q.server) query = query.where("server_id", "=", q.server);
      if (q.before) query = query.where("id", "<", q.before);
      return (await query.orderBy("id", "desc").limit(q.limit).execute()).map(presentAlert);
    },
  };
}
export type AlertsRepo = ReturnType<typeof createAlertsRepo>;
