import { sql } from "kysely";
import type { Migration } from "./types";

/**
 * PostgreSQL: every insert into `events` takes the events lock in a BEFORE STATEMENT trigger and
 * queues the wake-up NOTIFY in an AFTER STATEMENT trigger. The lock makes ids visible in id order
 * (see events-repo.ts). It used to be taken by a statement of its own in an explicit transaction and
 * stayed held while the client sent the insert, the notify and the commit: with several instances
 * on a busy machine, every writer queued behind a holder that was waiting to be scheduled. Taken here,
 * the lock lives for one statement and its commit: an autocommit insert holds it only while the
 * server runs it. A BEFORE STATEMENT trigger fires before the statement does anything, so before
 * any identity value is drawn. Keys and channel are written literally (a migration stays as it ran).
 */
export const migration014: Migration = {
  version: 14,
  name: "event insert lock and notify in statement triggers",
  async up(db, dialect) {
    if (dialect !== "postgres") return;
    await sql`create function mailroom_events_lock() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(727005, hashtext(tg_table_schema));
        return null;
      end $$`.execute(db);
    await sql`create function mailroom_events_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('mailroom_events', tg_table_schema);
        return null;
      end $$`.execute(db);
    await sql`create trigger events_lock before insert on events
      for each statement execute function mailroom_events_lock()`.execute(db);
    await sql`create trigger events_notify after insert on events
      for each statement execute function mailroom_events_notify()`.execute(db);
  },
};
