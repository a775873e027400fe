import { sql } from "kysely";
import type { Migration } from "./types";

/**
 * What several instances sharing one database coordinate through: counters (login throttle, link
 * rate limits, "notify once" claims) and the leases of periodic tasks. Times are epoch
 * milliseconds (BIGINT on PostgreSQL) because the statements compare and add them.
 */
export const migration011: Migration = {
  version: 11,
  name: "rate counters, periodic task leases",
  async up(db, dialect) {
    const ms = dialect === "postgres" ? sql`bigint` : sql`integer`;
    await sql`create table rate_counters (
      key text primary key,
      count integer not null,
      window_start ${ms} not null,
      last_at ${ms} not null,
      locked_until ${ms} not null default 0
    )`.execute(db);
    await sql`create index rate_counters_last_at on rate_counters (last_at)`.execute(db);

    await sql`create table periodic_tasks (
      name text primary key,
      last_started_at ${ms},
      last_finished_at ${ms},
      running_until ${ms},
      owner text,
      last_error text
    )`.execute(db);
  },
};
