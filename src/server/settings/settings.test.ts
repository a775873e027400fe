import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, postmarkLike, type FakeUpstream } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";

const LIVE_ACCOUNT = "live-account-token-abcd";
const LIVE_SERVER = "live-server-token-wxyz";
const SANDBOX_ACCOUNT = "sandbox-account-token";

type Status = {
  mode: string;
  accountToken: { source: string; hint: string | null };
  serverToken: { source: string; hint: string | null };
  defaultServerId: number | null;
};

describe("settings: Postmark connection", () => {
  let live: FakeUpstream;
  let sandbox: FakeUpstream;
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    live = await startFakeUpstream(
      postmarkLike({ accountToken: LIVE_ACCOUNT, servers: [{ id: 7, name: "Live", token: LIVE_SERVER }] }),
    );
    sandbox = await startFakeUpstream(
      postmarkLike({ accountToken: SANDBOX_ACCOUNT, servers: [{ id: 1, name: "Sandbox", token: "sandbox-server-1" }] }),
    );
  });
  afterAll(async () => {
    await live.close();
    await sandbox.close();
  });
  beforeEach(async () => {
    h = await createHarness({
      env: { POSTMARK_API_URL: live.url },
      sandbox: { url: sandbox.url, accountToken: SANDBOX_ACCOUNT },
    });
    admin = await h.login();
  });
  afterEach(async () => h.cleanup());

  const status = async () => (await (await h.request("/api/settings/connection", { cookie: admin })).json()) as Status;
  const save = (body: unknown, cookie = admin) =>
    h.request("/api/settings/connection", { method: "PUT", cookie, body: JSON.stringify(body) });

  it("starts in sandbox mode and says so", async () => {
    expect(await status()).toMatchObject({
      mode: "sandbox",
      accountToken: { source: "sandbox" },
      serverToken: { source: "none", hint: null },
      defaultServerId: 1,
    });
    expect(await (await h.request("/api/health")).json()).toMatchObject({
      ok: true,
      mode: "sandbox",
      upstream: sandbox.url,
      version: "test",
    });
    const servers = await (await h.request("/api/servers", { cookie: admin })).json();
    expect(servers).toEqual({ servers: [{ id: 1, name: "Sandbox", color: "red" }], defaultServerId: 1 });
  });

  it("checks tokens against Postmark and refuses bad ones with Postmark's message", async () => {
    const res = await save({ accountToken: "wrong-token-0000" });
    expect(res.status).toBe(400);
    const e = (await res.json()) as { error: { code: string; message: string; details: { ErrorCode: number } } };
    expect(e.error.code).toBe("validation_failed");
    expect(e.error.message).toMatch(/The Account Token provided is invalid/);
    expect(e.error.details.ErrorCode).toBe(10);
    expect(live.seen.at(-1)!.url).toBe("/servers?count=1&offset=0");
    expect((await status()).mode).toBe("sandbox");
  });

  it("saves encrypted, shows only a hint, and switches to live without a restart", async () => {
    const res = await save({ accountToken: LIVE_ACCOUNT, serverToken: LIVE_SERVER });
    expect(res.status).toBe(200);
    const s = (await res.json()) as Status;
    expect(s).toMatchObject({
      mode: "live",
      accountToken: { source: "saved", hint: "abcd" },
      serverToken: { source: "saved", hint: "wxyz" },
      defaultServerId: 7,
    });
    expect(JSON.stringify(s)).not.toContain(LIVE_ACCOUNT);

    const raw = JSON.stringify(await h.store.db.selectFrom("settings").selectAll().execute());
    expect(raw).not.toContain(LIVE_ACCOUNT);
    expect(raw).not.toContain(LIVE_SERVER);
    expect(raw).toContain("v1:");

    live.reset();
    const proxied = await h.request("/api/postmark/bounces?count=1&offset=0", { cookie: admin });
    expect(proxied.status).toBe(200);
    expect(live.seen.at(-1)!.headers["x-postmark-server-token"]).toBe(LIVE_SERVER);
    expect(((await (await h.request("/api/health")).json()) as { mode: string }).mode).toBe("live");
  });

  it("forgets saved tokens and goes back to the sandbox", async () => {
    await save({ serverToken: LIVE_SERVER });
    const res = await h.request("/api/settings/connection", { method: "DELETE", cookie: admin });
    expect(((await res.json()) as Status).mode).toBe("sandbox");
    expect(await h.store.settings.get("postmark.serverToken")).toBeNull();
  });

  it("only admins may change it; anyone signed in may read it", async () => {
    const op = await h.addUser("olive", "operator");
    expect((await save({ accountToken: LIVE_ACCOUNT }, op)).status).toBe(403);
    expect((await h.request("/api/settings/connection", { method: "DELETE", cookie: op })).status).toBe(403);
    expect((await h.request("/api/settings/connection", { cookie: op })).status).toBe(200);
  });

  it("validates the body", async () => {
    expect((await save({})).status).toBe(400);
    expect((await save({ accountToken: "x" })).status).toBe(400);
  });
});

describe("settings with environment tokens", () => {
  it("reports env tokens as such and refuses to override them", async () => {
    const live = await startFakeUpstream(
      postmarkLike({ accountToken: LIVE_ACCOUNT, servers: [{ id: 7, name: "Live", token: LIVE_SERVER }] }),
    );
    const h = await createHarness({ env: { POSTMARK_API_URL: live.url, POSTMARK_ACCOUNT_TOKEN: LIVE_ACCOUNT } });
    const admin = await h.login();
    const s = (await (await h.request("/api/settings/connection", { cookie: admin })).json()) as Status;
    expect(s).toMatchObject({
      mode: "live",
      accountToken: { source: "env", hint: "abcd" },
      serverToken: { source: "none" },
    });
    const res = await h.request("/api/settings/connection", {
      method: "PUT",
      cookie: admin,
      body: JSON.stringify({ accountToken: "another-token-1234" }),
    });
    expect(res.status).toBe(409);
    // A saved server token sits beside the env account token.
    const both = await h.request("/api/settings/connection", {
      method: "PUT",
      cookie: admin,
      body: JSON.stringify({ serverToken: LIVE_SERVER }),
    });
    expect(((await both.json()) as Status).serverToken.source).toBe("saved");
    await h.cleanup();
    await live.close();
  });
});
