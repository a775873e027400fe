import { defaultThresholds, healthThresholds, type HealthThresholds } from "../../contract/health/verdicts";
import type { ThresholdsResponse } from "../../contract/api/alerts";
import type { Store } from "../store/index";

const KEY = "health.thresholds";

/** The verdict thresholds: a setting an admin changes, the defaults until then. */
export function createThresholds(store: Store) {
  async function read(): Promise<{ thresholds: HealthThresholds; updatedAt: string | null; updatedBy: string | null }> {
    const row = await store.db
      .selectFrom("settings")
      .leftJoin("users", "users.id", "settings.updated_by")
      .select(["settings.value", "settings.updated_at", "users.username"])
      .where("key", "=", KEY)
      .executeTakeFirst();
    if (!row) return { thresholds: defaultThresholds, updatedAt: null, updatedBy: null };
    // A stored value that no longer parses (hand-edited database) falls back to the defaults.
    const parsed = healthThresholds.safeParse(JSON.parse(row.value));
    return {
      thresholds: parsed.success ? parsed.data : defaultThresholds,
      updatedAt: row.updated_at,
      updatedBy: row.username ?? null,
    };
  }
  return {
    async get(): Promise<HealthThresholds> {
      return (await read()).thresholds;
    },
    async describe(): Promise<ThresholdsResponse> {
      return { ...(await read()), defaults: defaultThresholds };
    },
    async set(t: HealthThresholds, now: string, by: number) {
      await store.settings.set(KEY, JSON.stringify(t), now, by);
    },
  };
}
export type Thresholds = ReturnType<typeof createThresholds>;
