import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-support/harness";
import { serveApp } from "../test-support/serve";
import { openSse, type SseClient } from "../test-support/sse-client";
import { examplePayload, webhookEnv, webhookHeaders } from "../test-support/webhooks";

describe("a session's end closes its live feed", () => {
  let h: Harness;
  let srv: Awaited<ReturnType<typeof serveApp>>;
  let admin: string;
  let opened: SseClient[];
  beforeEach(async () => {
    h = await createHarness({ env: { ...webhookEnv, SSE_HEARTBEAT_MS: "50" } });
    srv = await serveApp(h.app);
    admin = await h.login();
    opened = [];
  });
  afterEach(async () => {
    opened.forEach((c) => c.close());
    await srv.close();
    await h.cleanup();
  });

  const userId = async (name: string) => Number((await h.store.users.byUsername(name))!.id);
  const postEvent = async () => {
    const res = await h.app.request("/webhooks/postmark", {
      method: "POST",
      headers: webhookHeaders(),
      body: JSON.stringify(examplePayload("delivery")),
    });
    expect(res.status).toBe(200);
  };
  /** A stream that has received one event, so it is known to be live. */
  async function liveStream(cookie: string) {
    const c = openSse(srv.port, "/api/events/stream", { cookie });
    opened.push(c);
    await c.waitFor(() => c.comments.includes("connected"));
    await postEvent();
    await c.waitFor(() => c.messages.length === 1);
    return c;
  }
  /** The stream closed, and an event after that never reached it. */
  async function expectEnded(c: SseClient) {
    await c.closed;
    await postEvent();
    expect(c.messages).toHaveLength(1);
  }

  it("on sign-out", async () => {
    const cookie = await h.addUser("vera", "viewer");
    const c = await liveStream(cookie);
    expect((await h.request("/api/auth/logout", { method: "POST", cookie })).status).toBe(200);
    await expectEnded(c);
    // A new stream with the old cookie is refused.
    const again = openSse(srv.port, "/api/events/stream", { cookie });
    opened.push(again);
    await again.closed;
    expect(again.status).toBe(401);
  });

  it("when an admin removes the user", async () => {
    const other = await liveStream(admin);
    const cookie = await h.addUser("vera", "viewer");
    const c = await liveStream(cookie);
    expect((await h.request(`/api/users/${await userId("vera")}`, { method: "DELETE", cookie: admin })).status).toBe(
      200,
    );
    await expectEnded(c);
    // The admin's own stream goes on.
    await other.waitFor(() => other.messages.length === 3);
  });

  it("when an admin changes the user's role", async () => {
    const cookie = await h.addUser("otto", "operator");
    const c = await liveStream(cookie);
    const res = await h.request(`/api/users/${await userId("otto")}`, {
      method: "PATCH",
      cookie: admin,
      body: JSON.stringify({ role: "viewer" }),
    });
    expect(res.status).toBe(200);
    await expectEnded(c);
  });

  it("at the next heartbeat when the role changed elsewhere (another instance, the database)", async () => {
    const cookie = await h.addUser("otto", "operator");
    const c = await liveStream(cookie);
    // No in-process notice: only the heartbeat's re-check can see it.
    await h.store.users.update(await userId("otto"), { role: "viewer", now: new Date(h.clock()).toISOString() });
    await expectEnded(c);
  });

  it("at the next heartbeat when the session row is gone or timed out", async () => {
    const cookie = await h.addUser("vera", "viewer");
    const c = await liveStream(cookie);
    await h.store.sessions.removeForUser(await userId("vera"));
    await expectEnded(c);

    const late = await liveStream(admin);
    h.clock.advance(61 * 60_000); // idle past SESSION_IDLE_MINUTES: an open stream is not activity
    await expectEnded(late);
  });
});
