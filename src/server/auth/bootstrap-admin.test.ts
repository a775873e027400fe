import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../logger";
import { sqliteTestStore, type TestStore } from "../test-support/databases";
import { bootstrapAdmin } from "./bootstrap-admin";
import { verifyPassword } from "./password";

describe("first admin", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await sqliteTestStore();
  });
  afterEach(async () => t.cleanup());
  const clock = () => Date.now();

  it("generates a strong password once and prints it", async () => {
    const printed: string[] = [];
    const first = await bootstrapAdmin({
      store: t.store,
      clock,
      logger: silentLogger,
      adminPassword: null,
      announce: (s) => printed.push(s),
    });
    expect(first.generated).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(printed.join("")).toContain(first.generated!);
    const again = await bootstrapAdmin({
      store: t.store,
      clock,
      logger: silentLogger,
      adminPassword: null,
      announce: (s) => printed.push(s),
    });
    expect(again.generated).toBeNull();
    expect(printed.length).toBe(1);
  });

  it("sets the admin password from ADMIN_PASSWORD at every start", async () => {
    await bootstrapAdmin({ store: t.store, clock, logger: silentLogger, adminPassword: "first-password-1" });
    await bootstrapAdmin({ store: t.store, clock, logger: silentLogger, adminPassword: "second-password-2" });
    const row = await t.store.users.byUsername("admin");
    expect(row?.role).toBe("admin");
    expect(await verifyPassword("second-password-2", row!.password_hash)).toBe(true);
    expect(await verifyPassword("first-password-1", row!.password_hash)).toBe(false);
    expect(row!.password_hash).toMatch(/^scrypt\$/);
  });

  it("keeps sessions when another instance starts with the same ADMIN_PASSWORD, and two starting together make one admin", async () => {
    const both = await Promise.all(
      [1, 2].map(() =>
        bootstrapAdmin({ store: t.store, clock, logger: silentLogger, adminPassword: "shared-password-1" }),
      ),
    );
    expect(both.map((b) => b.generated)).toEqual([null, null]);
    const row = (await t.store.users.byUsername("admin"))!;
    const at = new Date().toISOString();
    await t.store.sessions.insert({
      id_hash: "s1",
      user_id: row.id,
      created_at: at,
      last_seen_at: at,
      expires_at: at,
      user_agent: null,
    });
    await bootstrapAdmin({ store: t.store, clock, logger: silentLogger, adminPassword: "shared-password-1" });
    expect(await t.store.sessions.byHash("s1")).toBeDefined();
    await bootstrapAdmin({ store: t.store, clock, logger: silentLogger, adminPassword: "changed-password-2" });
    expect(await t.store.sessions.byHash("s1")).toBeUndefined();
    expect(await t.store.users.countAdmins()).toBe(1);
  });
});
