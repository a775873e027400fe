import { sql } from "kysely";
import { idColumn } from "./columns";
import type { Migration } from "./types";

/** Every template version Mailroom saved or saw, per Postmark server and template, with who and when. */
export const migration008: Migration = {
  version: 8,
  name: "template versions",
  async up(db, dialect) {
    await idColumn(db.schema.createTable("template_versions"), dialect)
      // Postmark ids can pass 2^31: bigint (read back as a string on PostgreSQL; the repo converts).
      .addColumn("server_id", "bigint", (c) => c.notNull())
      .addColumn("template_id", "bigint", (c) => c.notNull())
      .addColumn("template_type", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("alias", "text")
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("html_body", "text", (c) => c.notNull())
      .addColumn("text_body", "text", (c) => c.notNull())
      .addColumn("layout_template", "text")
      .addColumn("content_hash", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("actor_id", "integer")
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .execute();
    await sql`create index template_versions_template on template_versions (server_id, template_id, id)`.execute(db);
  },
};
