import { sql } from "kysely";
import { idColumn } from "./columns";
import type { Migration } from "./types";

/** Data removal requests made through Mailroom: Postmark keeps no list, so Mailroom does. */
export const migration010: Migration = {
  version: 10,
  name: "data removal requests",
  async up(db, dialect) {
    await idColumn(db.schema.createTable("data_removals"), dialect)
      .addColumn("postmark_id", "bigint", (c) => c.notNull().unique())
      .addColumn("requested_for", "text", (c) => c.notNull())
      .addColumn("requested_by", "text", (c) => c.notNull())
      .addColumn("created_by_id", "integer")
      .addColumn("created_by_name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("status_checked_at", "text")
      .addColumn("completed_at", "text")
      .addColumn("last_error", "text")
      .execute();
    await sql`create index data_removals_open on data_removals (completed_at, status_checked_at)`.execute(db);
  },
};
