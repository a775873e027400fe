import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SECRET_MASK } from "../proxy/secret-mask";
import { postmarkLike, startFakeUpstream, type FakeUpstream, type Seen } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";

const ACCOUNT = "acct-token-mask-0001";
const SRV = "srv-token-mask-0002";
const PASSWORD = "intake-password-Zq81";
const HEADER_SECRET = "header-secret-Kp02";
const INBOUND = "https://mailroom:inbound-secret-Xw33@mailroom.example.com/webhooks/postmark?server=1";

const webhook = () => ({
  ID: 5,
  Url: "https://hooks.example.com/postmark",
  MessageStream: "outbound",
  HttpAuth: { Username: "mailroom", Password: PASSWORD },
  HttpHeaders: [
    { Name: "X-Token", Value: HEADER_SECRET },
    { Name: "X-Plain", Value: "" },
  ],
  Triggers: { Delivery: { Enabled: true } },
});

function upstream(req: Seen) {
  const path = req.url.split("?")[0]!;
  if (req.headers["x-postmark-server-token"] === SRV) {
    if (path === "/webhooks" && req.method === "GET") return { body: { Webhooks: [webhook()] } };
    if (path === "/webhooks/5" && req.method === "GET") return { body: webhook() };
    if (path === "/webhooks/5" && req.method === "PUT")
      return { body: { ...webhook(), ...(JSON.parse(req.body) as object) } };
    if (path === "/server")
      return { body: { ID: 1, Name: "One", ApiTokens: [SRV], InboundHookUrl: INBOUND, BounceHookUrl: "" } };
  }
  return postmarkLike({ accountToken: ACCOUNT, servers: [{ id: 1, name: "One", token: SRV }] })(req);
}

describe("webhook secrets through the console", () => {
  let up: FakeUpstream;
  let h: Harness;
  let viewer: string;
  let operator: string;
  let admin: string;
  beforeAll(async () => {
    up = await startFakeUpstream(upstream);
    h = await createHarness({ env: { POSTMARK_API_URL: up.url, POSTMARK_ACCOUNT_TOKEN: ACCOUNT } });
    viewer = await h.addUser("vera", "viewer");
    operator = await h.addUser("otto", "operator");
    admin = await h.login();
  });
  afterAll(async () => {
    await h.cleanup();
    await up.close();
  });
  beforeEach(() => up.reset());

  const get = async (path: string, cookie: string) => {
    const res = await h.request(`/api/postmark${path}`, { cookie });
    expect(res.status).toBe(200);
    return res.text();
  };
  const puts = () => up.seen.filter((s) => s.method === "PUT");

  it("masks HttpAuth.Password, header values and URL userinfo for a viewer, and for an admin on the generic proxy", async () => {
    for (const cookie of [viewer, admin]) {
      const text = await get("/webhooks", cookie);
      for (const secret of [PASSWORD, HEADER_SECRET]) expect(text).not.toContain(secret);
      const w = (JSON.parse(text) as { Webhooks: ReturnType<typeof webhook>[] }).Webhooks[0]!;
      expect(w.HttpAuth).toEqual({ Username: "mailroom", Password: SECRET_MASK });
      expect(w.HttpHeaders).toEqual([
        { Name: "X-Token", Value: SECRET_MASK },
        { Name: "X-Plain", Value: "" },
      ]);
      const server = await get("/server", cookie);
      expect(server).not.toContain("inbound-secret-Xw33");
      expect(server).not.toContain("mailroom:");
      expect((JSON.parse(server) as { InboundHookUrl: string }).InboundHookUrl).toBe(
        `https://${SECRET_MASK}@mailroom.example.com/webhooks/postmark?server=1`,
      );
    }
  });

  it("keeps the real values for Mailroom's own server-side calls (the wiring check reads them)", async () => {
    const res = await h.services.execute({
      operationId: "webhooks.list",
      serverId: 1,
      user: { username: "mailroom", role: "admin" },
    });
    expect(res.body).toContain(PASSWORD);
    expect(res.body).toContain(HEADER_SECRET);
  });

  it("puts the real secrets back when an edit sends the masked values unchanged", async () => {
    const shown = JSON.parse(await get("/webhooks/5", operator)) as ReturnType<typeof webhook>;
    const edit = {
      Url: shown.Url,
      HttpAuth: shown.HttpAuth,
      HttpHeaders: shown.HttpHeaders,
      Triggers: { Delivery: { Enabled: false } },
    };
    const res = await h.request("/api/postmark/webhooks/5", {
      cookie: operator,
      method: "PUT",
      body: JSON.stringify(edit),
    });
    expect(res.status).toBe(200);
    const sent = JSON.parse(puts().at(-1)!.body) as ReturnType<typeof webhook>;
    expect(sent.HttpAuth).toEqual({ Username: "mailroom", Password: PASSWORD });
    expect(sent.HttpHeaders).toEqual([
      { Name: "X-Token", Value: HEADER_SECRET },
      { Name: "X-Plain", Value: "" },
    ]);
    // The answer to the edit is masked as well.
    expect(await res.text()).not.toContain(PASSWORD);
  });

  it("refuses to move a masked secret to a new URL, another header or a new webhook", async () => {
    const moved = await h.request("/api/postmark/webhooks/5", {
      cookie: operator,
      method: "PUT",
      body: JSON.stringify({
        Url: "https://attacker.example/collect",
        HttpAuth: { Username: "mailroom", Password: SECRET_MASK },
      }),
    });
    expect(moved.status).toBe(400);
    const renamed = await h.request("/api/postmark/webhooks/5", {
      cookie: operator,
      method: "PUT",
      body: JSON.stringify({
        Url: "https://hooks.example.com/postmark",
        HttpHeaders: [{ Name: "X-Other", Value: SECRET_MASK }],
      }),
    });
    expect(renamed.status).toBe(400);
    const created = await h.request("/api/postmark/webhooks", {
      cookie: operator,
      method: "POST",
      body: JSON.stringify({
        Url: "https://hooks.example.com/postmark",
        MessageStream: "outbound",
        HttpAuth: { Username: "x", Password: SECRET_MASK },
      }),
    });
    expect(created.status).toBe(400);
    expect(puts()).toEqual([]);
    expect(up.seen.filter((s) => s.method === "POST")).toEqual([]);
  });

  it("keeps the server's inbound hook credentials when the server settings are saved back", async () => {
    const shown = JSON.parse(await get("/server", operator)) as { InboundHookUrl: string };
    const res = await h.request("/api/postmark/server", {
      cookie: operator,
      method: "PUT",
      body: JSON.stringify({ Name: "One", InboundHookUrl: shown.InboundHookUrl }),
    });
    expect(res.status).toBe(200);
    expect((JSON.parse(puts().at(-1)!.body) as { InboundHookUrl: string }).InboundHookUrl).toBe(INBOUND);
    // A changed host with the masked userinfo is refused.
    const moved = await h.request("/api/postmark/server", {
      cookie: operator,
      method: "PUT",
      body: JSON.stringify({ InboundHookUrl: `https://${SECRET_MASK}@attacker.example/x` }),
    });
    expect(moved.status).toBe(400);
  });
});
