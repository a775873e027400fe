import { sql } from "kysely";
import type { Migration } from "./types";

/**
 * The workflow engine's event cursor ("workflows.event-cursor": how far stored events have been
 * handed to the engine) is set here, under the migration lock, before any instance accepts a
 * webhook. It used to be set by the first catch-up pass instead; when that pass came late (several
 * instances, a busy start) it set the cursor past events whose runs a moment-stale engine had not
 * started, and they never got them. History from before this version is still not replayed.
 * The key is written literally: a migration stays as it was when it ran. (`where true` lets
 * SQLite tell the upsert's ON CONFLICT from a join constraint.)
 */
export const migration012: Migration = {
  version: 12,
  name: "workflow event cursor set at migration",
  async up(db) {
    const now = new Date().toISOString();
    await sql`insert into settings (key, value, updated_at, updated_by)
      select 'workflows.event-cursor', cast(coalesce(max(id), 0) as text), ${now}, null from events where true
      on conflict (key) do nothing`.execute(db);
  },
};
