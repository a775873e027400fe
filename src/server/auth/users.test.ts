import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness";

interface U {
  id: number;
  username: string;
  role: string;
}

describe("users admin", () => {
  let h: Harness;
  let admin: string;
  beforeEach(async () => {
    h = await createHarness();
    admin = await h.login();
  });
  afterEach(async () => h.cleanup());

  const json = (body: unknown) => ({ body: JSON.stringify(body) });
  const adminId = async () =>
    ((await (await h.request("/api/users", { cookie: admin })).json()) as { users: U[] }).users.find(
      (u) => u.username === "admin",
    )!.id;

  it("lists, creates, changes the role of and removes users", async () => {
    const created = await h.request("/api/users", {
      method: "POST",
      cookie: admin,
      ...json({ username: "Olga", password: "olga-password-1", role: "operator" }),
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: U };
    expect(user).toMatchObject({ username: "olga", role: "operator" });
    expect(JSON.stringify(user)).not.toMatch(/hash|password/i);

    const list = (await (await h.request("/api/users", { cookie: admin })).json()) as { users: U[] };
    expect(list.users.map((u) => u.username)).toEqual(["admin", "olga"]);

    const dup = await h.request("/api/users", {
      method: "POST",
      cookie: admin,
      ...json({ username: "OLGA", password: "olga-password-1", role: "viewer" }),
    });
    expect(dup.status).toBe(409);

    const patched = await h.request(`/api/users/${user.id}`, {
      method: "PATCH",
      cookie: admin,
      ...json({ role: "viewer" }),
    });
    expect(((await patched.json()) as { user: U }).user.role).toBe("viewer");

    expect((await h.request(`/api/users/${user.id}`, { method: "DELETE", cookie: admin })).status).toBe(200);
    expect((await h.request(`/api/users/${user.id}`, { method: "DELETE", cookie: admin })).status).toBe(404);
  });

  it("validates input with the contract's schemas", async () => {
    const weak = await h.request("/api/users", {
      method: "POST",
      cookie: admin,
      ...json({ username: "x y", password: "short", role: "boss" }),
    });
    expect(weak.status).toBe(400);
    const body = (await weak.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.length).toBeGreaterThanOrEqual(3);
    const empty = await h.request(`/api/users/${await adminId()}`, { method: "PATCH", cookie: admin, ...json({}) });
    expect(empty.status).toBe(400);
    expect(
      (await h.request("/api/users/abc", { method: "PATCH", cookie: admin, ...json({ role: "viewer" }) })).status,
    ).toBe(404);
  });

  it("never removes or demotes the last admin", async () => {
    const id = await adminId();
    const demote = await h.request(`/api/users/${id}`, {
      method: "PATCH",
      cookie: admin,
      ...json({ role: "operator" }),
    });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect((await h.request(`/api/users/${id}`, { method: "DELETE", cookie: admin })).status).toBe(409);
    // With a second admin, the first may go.
    await h.request("/api/users", {
      method: "POST",
      cookie: admin,
      ...json({ username: "root2", password: "root2-password", role: "admin" }),
    });
    expect(
      (await h.request(`/api/users/${id}`, { method: "PATCH", cookie: admin, ...json({ role: "operator" }) })).status,
    ).toBe(200);
  });

  it("is for admins only", async () => {
    const op = await h.addUser("oscar", "operator");
    const res = await h.request("/api/users", { cookie: op });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string; message: string } }).error.message).toMatch(/operator/);
    expect(
      (
        await h.request("/api/users", {
          method: "POST",
          cookie: op,
          ...json({ username: "x1", password: "xxxxxxxxxxxx", role: "admin" }),
        })
      ).status,
    ).toBe(403);
  });

  it("ends a user's sessions when their password is reset, and the old password stops working", async () => {
    const viewer = await h.addUser("vera", "viewer", "vera-password-1");
    const vid = (await h.store.users.byUsername("vera"))!.id;
    expect((await h.request("/api/auth/session", { cookie: viewer })).status).toBe(200);
    const res = await h.request(`/api/users/${vid}`, {
      method: "PATCH",
      cookie: admin,
      ...json({ password: "vera-password-2" }),
    });
    expect(res.status).toBe(200);
    expect((await h.request("/api/auth/session", { cookie: viewer })).status).toBe(401);
    await expect(h.login("vera", "vera-password-1")).rejects.toThrow();
    await h.login("vera", "vera-password-2");
  });

  it("keeps the acting admin signed in when they change their own password", async () => {
    const other = await h.login();
    const res = await h.request(`/api/users/${await adminId()}`, {
      method: "PATCH",
      cookie: admin,
      ...json({ password: "a-new-admin-password" }),
    });
    expect(res.status).toBe(200);
    expect((await h.request("/api/auth/session", { cookie: admin })).status).toBe(200);
    expect((await h.request("/api/auth/session", { cookie: other })).status).toBe(401);
  });

  it("records changes in the audit log", async () => {
    await h.request("/api/users", {
      method: "POST",
      cookie: admin,
      ...json({ username: "audited", password: "audited-password", role: "viewer" }),
    });
    const [entry] = await h.store.audit.recent(1);
    expect(entry).toMatchObject({ action: "user.create", target: "user:audited", actor_name: "admin" });
  });
});
