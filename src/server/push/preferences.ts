import type { Kysely } from "kysely";
import { roleMay, type Role } from "../../contract/api/auth";
import type { NotificationKind, NotificationPreferences } from "../../contract/api/notifications";
import type { Database } from "../store/schema";

/** Which kinds a role may act on, and so may receive at all. */
export const roleMayReceive: Record<NotificationKind, (r: Role) => boolean> = {
  approval: roleMay.decideApprovals,
  "run-failed": roleMay.editWorkflows,
  // Intake credentials are a settings matter: admins fix them.
  "intake-refusing": (r) => r === "admin",
  // Anyone may read alerts; the default (below) is on for those who can act on them.
  alert: () => true,
};

export const preferenceOf: Record<NotificationKind, keyof NotificationPreferences> = {
  approval: "approvals",
  "run-failed": "runFailures",
  "intake-refusing": "intakeAlerts",
  alert: "healthAlerts",
};

/** Until a user chooses: everything their role may act on. */
export const defaultPreferences = (role: Role): NotificationPreferences => ({
  approvals: roleMayReceive.approval(role),
  runFailures: roleMayReceive["run-failed"](role),
  intakeAlerts: roleMayReceive["intake-refusing"](role),
  healthAlerts: roleMay.editWorkflows(role),
});

export function createPreferencesRepo(db: Kysely<Database>) {
  return {
    async get(userId: number, role: Role): Promise<NotificationPreferences> {
      const r = await db
        .selectFrom("notification_preferences")
        .selectAll()
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (!r) return defaultPreferences(role);
      const healthAlerts =
        r.alerts === null || r.alerts === undefined ? defaultPreferences(role).healthAlerts : !!Number(r.alerts);
      return {
        approvals: !!Number(r.approvals),
        runFailures: !!Number(r.run_failures),
        intakeAlerts: !!Number(r.intake_alerts),
        healthAlerts,
      };
    },
    async set(userId: number, p: NotificationPreferences, now: string) {
      const values = {
        approvals: p.approvals ? 1 : 0,
        run_failures: p.runFailures ? 1 : 0,
        intake_alerts: p.intakeAlerts ? 1 : 0,
        updated_at: now,
        ...(p.healthAlerts === undefined ? {} : { alerts: p.healthAlerts ? 1 : 0 }),
      };
      await db
        .insertInto("notification_preferences")
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
        .execute();
    },
  };
}
export type PreferencesRepo = ReturnType<typeof createPreferencesRepo>;
