import { sql } from "kysely";
import type { Migration } from "./types";

/**
 * Alerts start workflows (the `alert` trigger). `workflows_started_at` records that an alert's runs
 * were started, so a checker that stopped between opening an alert and starting its runs starts
 * them on its next pass. Alerts from before this version count as started: they never start runs.
 */
export const migration013: Migration = {
  version: 13,
  name: "alerts start workflows",
  async up(db) {
    await sql`alter table alerts add column workflows_started_at text`.execute(db);
    await sql`update alerts set workflows_started_at = started_at`.execute(db);
  },
};
