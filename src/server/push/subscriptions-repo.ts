import type { Kysely } from "kysely";
import type { PushSubscriptionJson } from "../../contract/api/notifications";
import type { Database } from "../store/schema";

export interface SubscriptionRow {
  id: number;
  userId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export function createSubscriptionsRepo(db: Kysely<Database>) {
  return {
    /**
     * Saves for the user. An endpoint another user registered stays theirs: answers false and
     * changes nothing (taking it over would route their notifications to this user's keys).
     */
    async save(userId: number, sub: PushSubscriptionJson, userAgent: string | null, now: string): Promise<boolean> {
      const r = await db
        .insertInto("push_subscriptions")
        .values({
          user_id: userId,
          endpoint: sub.endpoint,
          p256dh: sub.keys.p256dh,
          auth: sub.keys.auth,
          user_agent: userAgent,
          created_at: now,
          last_sent_at: null,
        })
        .onConflict((oc) =>
          oc
            .column("endpoint")
            .doUpdateSet({ p256dh: sub.keys.p256dh, auth: sub.keys.auth, user_agent: userAgent })
            .where("push_subscriptions.user_id", "=", userId),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async remove(userId: number, endpoint: string): Promise<number> {
      const r = await db
        .deleteFrom("push_subscriptions")
        .where("user_id", "=", userId)
        .where("endpoint", "=", endpoint)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async removeEndpoint(endpoint: string) {
      await db.deleteFrom("push_subscriptions").where("endpoint", "=", endpoint).execute();
    },
    async count(userId: number): Promise<number> {
      const r = await db
        .selectFrom("push_subscriptions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async forUsers(userIds: number[]): Promise<SubscriptionRow[]> {
      if (userIds.length === 0) return [];
      const rows = await db
        .selectFrom("push_subscriptions")
        .select(["id", "user_id", "endpoint", "p256dh", "auth"])
        .where("user_id", "in", userIds)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        userId: Number(r.user_id),
        endpoint: r.endpoint,
        p256dh: r.p256dh,
        auth: r.auth,
      }));
    },
    async touch(id: number, now: string) {
      await db.updateTable("push_subscriptions").set({ last_sent_at: now }).where("id", "=", id).execute();
    },
  };
}
export type SubscriptionsRepo = ReturnType<typeof createSubscriptionsRepo>;
