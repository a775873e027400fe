import type { Kysely } from "kysely";
import type { Database } from "./schema";

/** Key/value settings; callers encrypt secret values before they get here. */
export function createSettingsRepo(db: Kysely<Database>) {
  return {
    async get(key: string): Promise<string | null> {
      const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
      return row?.value ?? null;
    },
    async set(key: string, value: string, now: string, by: number | null) {
      await db
        .insertInto("settings")
        .values({ key, value, updated_at: now, updated_by: by })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now, updated_by: by }))
        .execute();
    },
    async remove(...keys: string[]) {
      if (keys.length) await db.deleteFrom("settings").where("key", "in", keys).execute();
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
