import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestStore, type TestStore } from "../test-support/databases";

// The session lookup of every request reads through rawRead on SQLite: at once, unless a transaction is open.
describe("the session lookup on SQLite (rawRead)", () => {
  let t: TestStore;
  const at = new Date().toISOString();
  beforeAll(async () => {
    t = await sqliteTestStore();
    const u = await t.store.users.create({ username: "dora", role: "viewer", passwordHash: "h", now: at });
    await t.store.sessions.insert({
      id_hash: "live",
      user_id: u.id,
      created_at: at,
      last_seen_at: at,
      expires_at: at,
      user_agent: null,
    });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  /** Whether `p` has settled once the event loop has run everything already queued. */
  const settledSoon = async (p: Promise<unknown>) => {
    let settled = false;
    void p.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setImmediate(r));
    return settled;
  };

  it("does not wait for kysely's connection lock when no transaction is open", async () => {
    let release!: () => void;
    const held = t.store.db.connection().execute(() => new Promise<void>((r) => (release = r)));
    const read = t.store.sessions.withUser("live");
    expect(await settledSoon(read)).toBe(true);
    expect((await read)?.username).toBe("dora");
    release();
    await held;
  });

  it("waits for another caller's open transaction, so it never reads what that transaction has not committed", async () => {
    let deleted!: () => void;
    const inside = new Promise<void>((r) => (deleted = r));
    let rollBack!: () => void;
    const transaction = t.store.db
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom("sessions").where("id_hash", "=", "live").execute();
        deleted();
        await new Promise<void>((r) => (rollBack = r));
        throw new Error("rolled back");
      })
      .catch((e: Error) => e.message);
    await inside;
    const read = t.store.sessions.withUser("live");
    expect(await settledSoon(read)).toBe(false);
    rollBack();
    expect(await transaction).toBe("rolled back");
    expect((await read)?.username).toBe("dora");
  });
});
