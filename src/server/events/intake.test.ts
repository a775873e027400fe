import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, type Harness } from "../test-support/harness";
import { basicAuth, examplePayload, webhookEnv, webhookHeaders, WEBHOOK_PASS } from "../test-support/webhooks";
import { triggerIds } from "../../contract/postmark/triggers";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ env: { ...webhookEnv, WEBHOOK_MAX_BYTES: "4096" } });
});
afterEach(() => h.cleanup());

const post = (body: unknown, opts: Parameters<typeof webhookHeaders>[0] & { path?: string } = {}) =>
  h.app.request(opts.path ?? "/webhooks/postmark", {
    method: "POST",
    headers: webhookHeaders(opts),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("webhook intake", () => {
  it("stores every trigger and answers 200 only after the commit", async () => {
    for (const t of triggerIds) {
      const res = await post(examplePayload(t));
      expect(res.status, t).toBe(200);
      const body = (await res.json()) as { ok: boolean; id: number; duplicate: boolean };
      expect(body).toMatchObject({ ok: true, duplicate: false });
      const row = await h.services.events.repo.get(body.id);
      expect(row?.trigger).toBe(t);
    }
    expect(await h.services.events.repo.count()).toBe(8);
  });

  it("refuses missing or wrong credentials with 401 and records the attempt", async () => {
    expect((await post(examplePayload("open"), { auth: null })).status).toBe(401);
    const wrong = await post(examplePayload("open"), { auth: basicAuth("hook-user", "nope") });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(await wrong.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect(await h.services.events.repo.count()).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    const admin = await h.login();
    const list = (await (await h.request("/api/wiring/refusals", { cookie: admin })).json()) as {
      refusals: { reason: string; address: string }[];
    };
    expect(list.refusals.map((r) => r.reason).sort()).toEqual(["no credentials", "wrong username or password"]);
    expect(JSON.stringify(h.logger.lines)).not.toContain(WEBHOOK_PASS);
  });

  it("accepts the secret header instead of basic auth", async () => {
    const res = await h.app.request("/webhooks/postmark", {
      method: "POST",
      headers: { "content-type": "application/json", "x-mailroom-webhook-secret": WEBHOOK_PASS },
      body: JSON.stringify(examplePayload("delivery")),
    });
    expect(res.status).toBe(200);
  });

  it("answers 400 for a body that is not JSON, 413 for one too large", async () => {
    expect((await post("not json{")).status).toBe(400);
    const big = examplePayload("inbound", { TextBody: "x".repeat(5000) });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(await h.services.events.repo.count()).toBe(0);
  });

  it("stores unknown JSON as unrecognised with a warning flag", async () => {
    const res = await post({ RecordType: "Mystery", Hello: 1 });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: number };
    const admin = await h.login();
    const ev = (await (await h.request(`/api/events/${id}`, { cookie: admin })).json()) as {
      trigger: null;
      flags: { unrecognised: boolean; problem: string };
    };
    expect(ev.trigger).toBeNull();
    expect(ev.flags.unrecognised).toBe(true);
    expect(ev.flags.problem).toBeTruthy();
    // A bounce missing required fields is kept too, flagged, not handed to workflows as a bounce.
    const bad = await post({ RecordType: "Bounce", Email: "a@b.c" });
    expect(bad.status).toBe(200);
  });

  it("answers 503 when the store cannot write, so Postmark retries", async () => {
    vi.spyOn(h.services.events.repo, "insertMany").mockRejectedValueOnce(new Error("disk I/O error"));
    const payload = examplePayload("bounce");
    const res = await post(payload, { trace: "t-503" });
    expect(res.status).toBe(503);
    expect(await h.services.events.repo.count()).toBe(0);
    // The retry succeeds and is stored once.
    expect((await post(payload, { trace: "t-503" })).status).toBe(200);
    expect(await h.services.events.repo.count()).toBe(1);
  });

  it("dedupes retries by trace id", async () => {
    const p = examplePayload("click");
    const a = (await (await post(p, { trace: "trace-1" })).json()) as { id: number; duplicate: boolean };
    const b = (await (await post(p, { trace: "trace-1" })).json()) as { id: number; duplicate: boolean };
    expect(b).toEqual({ ok: true, id: a.id, duplicate: true });
    expect(await h.services.events.repo.count()).toBe(1);
  });

  it("dedupes by identifying fields when there is no trace id", async () => {
    const p = examplePayload("open");
    expect((await post(p, { trace: null })).status).toBe(200);
    expect(((await (await post(p, { trace: null })).json()) as { duplicate: boolean }).duplicate).toBe(true);
    // Another open of the same message at another time is another event.
    expect(
      (
        (await (await post({ ...p, ReceivedAt: "2030-01-01T00:00:00Z" }, { trace: null })).json()) as {
          duplicate: boolean;
        }
      ).duplicate,
    ).toBe(false);
    const inbound = examplePayload("inbound");
    await post(inbound, { trace: null });
    await post(inbound, { trace: null });
    expect(await h.services.events.repo.count()).toBe(3);
  });

  it("stores concurrent duplicates once", async () => {
    const p = examplePayload("delivery");
    const results = await Promise.all(Array.from({ length: 20 }, () => post(p, { trace: "same-trace" })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = (await Promise.all(results.map((r) => r.json()))) as { id: number; duplicate: boolean }[];
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(await h.services.events.repo.count()).toBe(1);
  });

  it("attributes events to the URL's server when the payload has no ServerID", async () => {
    const inbound = examplePayload("inbound");
    const a = (await (await post(inbound, { path: "/webhooks/postmark?server=42" })).json()) as { id: number };
    const b = (await (await post(examplePayload("inbound"), { path: "/webhooks/postmark/43" })).json()) as {
      id: number;
    };
    const c = (await (
      await post(examplePayload("delivery", { ServerID: 7 }), { path: "/webhooks/postmark?server=42" })
    ).json()) as { id: number };
    expect((await h.services.events.repo.get(a.id))?.server_id).toBe(42);
    expect((await h.services.events.repo.get(b.id))?.server_id).toBe(43);
    expect((await h.services.events.repo.get(c.id))?.server_id).toBe(7);
  });

  it("generates and keeps credentials when none are configured", async () => {
    const g = await createHarness();
    try {
      const admin = await g.login();
      const creds = (await (await g.request("/api/wiring/credentials", { cookie: admin })).json()) as {
        username: string;
        password: string;
        source: string;
      };
      expect(creds.source).toBe("generated");
      expect(creds.password.length).toBeGreaterThan(20);
      const res = await g.app.request("/webhooks/postmark", {
        method: "POST",
        headers: webhookHeaders({ auth: basicAuth(creds.username, creds.password) }),
        body: JSON.stringify(examplePayload("open")),
      });
      expect(res.status).toBe(200);
      const viewer = await g.addUser("viewer1", "viewer");
      expect((await g.request("/api/wiring/credentials", { cookie: viewer })).status).toBe(403);
    } finally {
      await g.cleanup();
    }
  });
});
