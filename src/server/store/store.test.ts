import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import { migrations } from "./migrations/index";
import { migrate } from "./migrate";

const now = () => new Date().toISOString();

function storeSuite(name: string, open: () => Promise<TestStore>) {
  describe(`store on ${name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it("records migrations and does not run them twice", async () => {
      const rows = await t.store.db.selectFrom("mailroom_migrations").selectAll().execute();
      expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
      expect(await migrate(t.store.db, t.store.dialect)).toEqual([]);
    });

    it("creates, finds, updates and removes users; usernames are case-insensitive and unique", async () => {
      const u = await t.store.users.create({ username: "Alice", role: "viewer", passwordHash: "h", now: now() });
      expect(typeof u.id).toBe("number");
      expect((await t.store.users.byUsername("ALICE"))?.id).toBe(u.id);
      await expect(
        t.store.users.create({ username: "alice", role: "viewer", passwordHash: "h", now: now() }),
      ).rejects.toThrow();
      await t.store.users.update(u.id, { role: "admin", now: now() });
      expect((await t.store.users.byId(u.id))?.role).toBe("admin");
      expect(await t.store.users.countAdmins()).toBeGreaterThanOrEqual(1);
      await t.store.users.remove(u.id);
      expect(await t.store.users.byId(u.id)).toBeUndefined();
    });

    it("cascades sessions when a user is removed (foreign keys are on)", async () => {
      const u = await t.store.users.create({ username: "bob", role: "viewer", passwordHash: "h", now: now() });
      const at = now();
      await t.store.sessions.insert({
        id_hash: "abc",
        user_id: u.id,
        created_at: at,
        last_seen_at: at,
        expires_at: at,
        user_agent: null,
      });
      expect(await t.store.sessions.byHash("abc")).toBeDefined();
      await t.store.users.remove(u.id);
      expect(await t.store.sessions.byHash("abc")).toBeUndefined();
    });

    it("expires sessions by absolute end and idle time", async () => {
      const u = await t.store.users.create({ username: "carol", role: "viewer", passwordHash: "h", now: now() });
      const base = Date.parse("2030-01-01T00:00:00Z");
      const iso = (ms: number) => new Date(base + ms).toISOString();
      await t.store.sessions.insert({
        id_hash: "old",
        user_id: u.id,
        created_at: iso(0),
        last_seen_at: iso(0),
        expires_at: iso(1000),
        user_agent: null,
      });
      await t.store.sessions.insert({
        id_hash: "idle",
        user_id: u.id,
        created_at: iso(0),
        last_seen_at: iso(0),
        expires_at: iso(99_000),
        user_agent: null,
      });
      await t.store.sessions.insert({
        id_hash: "fresh",
        user_id: u.id,
        created_at: iso(0),
        last_seen_at: iso(1900),
        expires_at: iso(99_000),
        user_agent: null,
      });
      expect(await t.store.sessions.removeExpired(iso(2000), iso(1500))).toBe(2);
      expect(await t.store.sessions.byHash("fresh")).toBeDefined();
      await t.store.sessions.removeForUser(u.id);
      expect(await t.store.sessions.byHash("fresh")).toBeUndefined();
    });

    it("upserts and removes settings", async () => {
      await t.store.settings.set("k", "v1", now(), null);
      await t.store.settings.set("k", "v2", now(), null);
      expect(await t.store.settings.get("k")).toBe("v2");
      await t.store.settings.remove("k");
      expect(await t.store.settings.get("k")).toBeNull();
    });

    it("appends to the audit log", async () => {
      t.store.audit.useKey(Buffer.alloc(32, 7));
      await t.store.audit.record({ actor: null, action: "test.thing", target: "x" }, now());
      const [last] = await t.store.audit.recent(1);
      expect(last?.action).toBe("test.thing");
    });

    it("answers a raw query through kysely", async () => {
      const r = await sql<{ one: number }>`select 1 as one`.execute(t.store.db);
      expect(Number(r.rows[0]?.one)).toBe(1);
    });
  });
}

storeSuite("SQLite", sqliteTestStore);

if (!pgUrl)
  console.info(
    "[mailroom] TEST_DATABASE_URL is not set: the PostgreSQL store tests are SKIPPED (the SQLite ones ran).",
  );

describe.skipIf(!pgUrl)("PostgreSQL store (needs TEST_DATABASE_URL)", () => {
  storeSuite("PostgreSQL", () => pgTestStore(pgUrl!));
});
