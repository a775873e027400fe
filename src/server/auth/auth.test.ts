import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, createHarness, type Harness } from "../test-support/harness";

describe("sign-in and sessions", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.cleanup());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    h.request("/api/auth/login", { method: "POST", body: JSON.stringify({ username, password }), headers });

  it("logs in, reports the session, logs out", async () => {
    const res = await login("admin", ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { username: string; role: string }; expiresAt: string };
    expect(body.user).toMatchObject({ username: "admin", role: "admin" });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^mailroom_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const c = cookie.split(";")[0]!;

    const session = await h.request("/api/auth/session", { cookie: c });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { username: "admin", role: "admin" } });

    expect((await h.request("/api/auth/logout", { method: "POST", cookie: c })).status).toBe(200);
    expect((await h.request("/api/auth/session", { cookie: c })).status).toBe(401);
  });

  it("stores only a hash of the session id", async () => {
    const c = await h.login();
    const id = c.split("=")[1]!;
    const rows = await h.store.db.selectFrom("sessions").selectAll().execute();
    expect(rows.length).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it("answers 401 with the error shape for a wrong password or unknown user", async () => {
    const res = await login("admin", "wrong-password-1");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Wrong username or password." } });
    expect((await login("nobody", "wrong-password-1")).status).toBe(401);
  });

  it("validates the login body (400 validation_failed) and needs a session elsewhere (401)", async () => {
    const res = await h.request("/api/auth/login", { method: "POST", body: JSON.stringify({ username: "" }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    for (const path of [
      "/api/auth/session",
      "/api/users",
      "/api/settings/connection",
      "/api/servers",
      "/api/postmark/bounces",
      "/api/nothing",
    ]) {
      const r = await h.request(path);
      expect(r.status, path).toBe(401);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    }
    expect((await h.request("/api/health")).status).toBe(200);
  });

  it("throttles a username after 5 failures with an exponential lockout (429 with when to retry)", async () => {
    for (let i = 0; i < 5; i++) expect((await login("admin", `wrong-password-${i}`)).status).toBe(401);
    const locked = await login("admin", ADMIN_PASSWORD);
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too_many_requests");
    expect(body.error.message).toMatch(/Try again in 30 seconds/);
    expect(locked.headers.get("retry-after")).toBe("30");

    h.clock.advance(31_000);
    expect((await login("admin", "wrong-password-6")).status).toBe(401);
    const longer = await login("admin", ADMIN_PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers.get("retry-after")).toBe("60");
    h.clock.advance(61_000);
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
  });

  it("throttles a client address across usernames", async () => {
    for (let i = 0; i < 5; i++) expect((await login(`user${i}`, "wrong-password-x")).status).toBe(401);
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(429);
  });

  it("ends a session after the idle timeout", async () => {
    const c = await h.login();
    h.clock.advance(59 * 60_000);
    expect((await h.request("/api/auth/session", { cookie: c })).status).toBe(200);
    h.clock.advance(59 * 60_000); // active a moment ago: still alive
    expect((await h.request("/api/auth/session", { cookie: c })).status).toBe(200);
    h.clock.advance(61 * 60_000);
    expect((await h.request("/api/auth/session", { cookie: c })).status).toBe(401);
  });

  it("ends a session at the absolute timeout even when active", async () => {
    const c = await h.login();
    for (let i = 0; i < 11; i++) {
      h.clock.advance(59 * 60_000);
      expect((await h.request("/api/auth/session", { cookie: c })).status).toBe(200);
    }
    h.clock.advance(60 * 60_000);
    expect((await h.request("/api/auth/session", { cookie: c })).status).toBe(401);
  });

  it("refuses state-changing requests from another origin or a cross-site fetch", async () => {
    const c = await h.login();
    const post = (headers: Record<string, string>) =>
      h.request("/api/auth/logout", { method: "POST", cookie: c, headers });
    const evil = await post({ origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe("bad_origin");
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ origin: "null" })).status).toBe(403);
    // Login is protected as well (login CSRF).
    expect((await login("admin", ADMIN_PASSWORD, { origin: "https://evil.example" })).status).toBe(403);
    // Reading is fine from anywhere (the cookie is SameSite=Strict anyway).
    expect(
      (await h.request("/api/auth/session", { cookie: c, headers: { origin: "https://evil.example" } })).status,
    ).toBe(200);
    // Own origin (PUBLIC_URL default) and same host pass.
    expect((await post({ origin: "http://127.0.0.1:8787", "sec-fetch-site": "same-origin" })).status).toBe(200);
  });

  it("accepts the request's own host as origin (a TLS proxy changes the scheme)", async () => {
    // The host must be Mailroom's own (PUBLIC_URL) since the Host check; the scheme may differ.
    const own = await createHarness({ env: { PUBLIC_URL: "http://mailroom.internal:9000" } });
    const c = await own.login();
    const res = await own.request("http://mailroom.internal:9000/api/auth/logout", {
      method: "POST",
      cookie: c,
      headers: { origin: "https://mailroom.internal:9000", host: "mailroom.internal:9000" },
    });
    expect(res.status).toBe(200);
    await own.cleanup();
  });
});

describe("cookie on https", () => {
  it("is Secure when PUBLIC_URL is https", async () => {
    const h = await createHarness({ env: { PUBLIC_URL: "https://mailroom.example.com" } });
    const res = await h.request("/api/auth/login", {
      method: "POST",
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
    expect(res.headers.get("strict-transport-security")).toBeTruthy();
    await h.cleanup();
  });
});
