import { afterEach, describe, expect, it } from "vitest";
import { call, testSandbox } from "../test-helpers";

const ACCOUNT = "sandbox-account-token";

describe("sandbox admin: bounce rate", () => {
  let sb: ReturnType<typeof testSandbox>;
  afterEach(() => sb.close());

  /** Runs the scheduled outcomes (fast time scale) until nothing is left. */
  async function settle() {
    while (sb.runtime.scheduler.pending() > 0) await new Promise((r) => setImmediate(r));
  }

  it("needs the account token, validates, and raises then restores a server's bounce rate exactly", async () => {
    sb = testSandbox({ timeScale: 100_000 });
    const server = [...sb.world.servers.values()][1]!;
    const path = `/__sandbox/servers/${server.id}/bounce-rate`;
    expect((await call(sb, "PUT", path, { body: { rate: 0.1 } })).status).toBe(401);
    expect((await call(sb, "PUT", path, { account: "wrong", body: { rate: 0.1 } })).status).toBe(401);
    const bad = await call(sb, "PUT", path, { account: ACCOUNT, body: { rate: 2 } });
    expect(bad.status).toBe(422);
    expect(bad.body.Message).toContain("rate");
    expect((await call(sb, "PUT", path, { account: ACCOUNT, body: { rate: 0.1, type: "SpamComplaint" } })).status).toBe(
      422,
    );
    expect(
      (await call(sb, "PUT", "/__sandbox/servers/999/bounce-rate", { account: ACCOUNT, body: { rate: 0.1 } })).status,
    ).toBe(404);

    const before = server.bounces.length;
    expect((await call(sb, "PUT", path, { account: ACCOUNT, body: { rate: 0.1, type: "DMARCPolicy" } })).body).toEqual({
      serverId: server.id,
      rate: 0.1,
      type: "DMARCPolicy",
    });
    const batch = Array.from({ length: 50 }, (_, i) => ({
      From: "hello@lumenapp.io",
      To: `user${i}@example.com`,
      Subject: "Hi",
      TextBody: "Hi",
      TrackOpens: false,
    }));
    const token = server.config.ApiTokens[0]!;
    expect((await call(sb, "POST", "/email/batch", { server: token, body: batch })).status).toBe(200);
    await settle();
    const added = server.bounces.slice(before);
    expect(added).toHaveLength(5);
    expect(added.every((b) => b.type === "DMARCPolicy")).toBe(true);

    expect((await call(sb, "DELETE", path, { account: ACCOUNT })).body).toEqual({
      serverId: server.id,
      rate: null,
      type: null,
    });
    expect((await call(sb, "GET", path, { account: ACCOUNT })).body.rate).toBeNull();
  });
});
