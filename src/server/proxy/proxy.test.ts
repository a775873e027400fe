import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, postmarkLike, type FakeUpstream } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";
import { serveApp } from "../test-support/serve";

const ACCOUNT = "acct-token-AAAA-1111-secret";
const SRV1 = "srv1-token-BBBB-2222-secret";
const SRV2 = "srv2-token-CCCC-3333-secret";
const servers = [
  { id: 11, name: "One", token: SRV1 },
  { id: 22, name: "Two", token: SRV2 },
];

type Err = { error: { code: string; message: string } };

describe("proxy with an account token", () => {
  let up: FakeUpstream;
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    up = await startFakeUpstream(postmarkLike({ accountToken: ACCOUNT, servers }));
    h = await createHarness({
      env: {
        POSTMARK_API_URL: up.url,
        POSTMARK_ACCOUNT_TOKEN: ACCOUNT,
        MAX_BODY_BYTES: "2048",
        POSTMARK_TIMEOUT_MS: "300",
      },
    });
    admin = await h.login();
  });
  afterAll(async () => {
    await h.cleanup();
    await up.close();
  });
  beforeEach(() => up.reset());

  const call = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    h.request(`/api/postmark${path}`, { cookie: admin, ...init });

  it("forwards an account operation with the account token, JSON headers and the query as is", async () => {
    const res = await call("/domains?count=10&offset=0&x=a%20b");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-mailroom-operation")).toBe("domains.list");
    const seen = up.seen.at(-1)!;
    expect(seen.url).toBe("/domains?count=10&offset=0&x=a%20b");
    expect(seen.headers["x-postmark-account-token"]).toBe(ACCOUNT);
    expect(seen.headers["x-postmark-server-token"]).toBeUndefined();
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers["content-type"]).toBe("application/json");
    // Nothing of the browser's request travels upstream.
    expect(seen.headers.cookie).toBeUndefined();
  });

  it("discovers server tokens from the Servers API and uses the first server by default", async () => {
    const res = await call("/bounces?count=1&offset=0");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { server: number }).server).toBe(11);
    const last = up.seen.at(-1)!;
    expect(last.headers["x-postmark-server-token"]).toBe(SRV1);
    expect(last.headers["x-postmark-account-token"]).toBeUndefined();
  });

  it("selects the server named by X-Mailroom-Server, and caches the discovery", async () => {
    up.reset();
    const res = await call("/message-streams", { headers: { "X-Mailroom-Server": "22" } });
    expect(((await res.json()) as { server: number }).server).toBe(22);
    await call("/message-streams", { headers: { "X-Mailroom-Server": "22" } });
    expect(up.seen.filter((s) => s.url.startsWith("/servers")).length).toBeLessThanOrEqual(1);
    const unknown = await call("/message-streams", { headers: { "X-Mailroom-Server": "99" } });
    expect(unknown.status).toBe(404);
    const bad = await call("/message-streams", { headers: { "X-Mailroom-Server": "abc" } });
    expect(bad.status).toBe(400);
  });

  it("matches paths case-insensitively and sends the body", async () => {
    const res = await call("/Email", { method: "POST", body: JSON.stringify({ From: "a@b.c", To: "d@e.f" }) });
    expect(res.status).toBe(200);
    expect(up.seen.at(-1)!.body).toBe('{"From":"a@b.c","To":"d@e.f"}');
  });

  it("passes Postmark's errors through unchanged", async () => {
    const pmError = { ErrorCode: 406, Message: "You tried to send to recipient(s) that have been marked as inactive." };
    up.reply(() => ({ status: 422, body: pmError }));
    const res = await call("/domains?count=1&offset=0");
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(pmError);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
  });

  it("answers 404 for unknown operations and 405 for a known path under another method, without calling upstream", async () => {
    const unknown = await call("/not-a-thing");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Err).error.code).toBe("not_found");
    const wrongMethod = await call("/bounces", { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(up.seen).toEqual([]);
  });

  it.each([
    ["/servers%2f11", "encoded slash"],
    ["/servers%2F11", "encoded slash upper"],
    ["/servers/a%2eb", "encoded dot"],
    ["/servers/%252e%252e", "double-encoded dots"],
    ["/servers%252f11", "double-encoded slash"],
    ["/servers%5c11", "encoded backslash"],
    ["/bounces%0d%0aX-Evil:%201", "encoded CRLF in path"],
    ["/bounces?count=1%0d%0aX-Evil:1", "encoded CRLF in query"],
    ["/bounces?count=1%250d%250a", "double-encoded CRLF in query"],
    ["/bounces?x=%00", "encoded NUL in query"],
    ["/bounces/1:2", "colon"],
  ])("rejects %s (%s) with 400 before any upstream call", async (path) => {
    const res = await call(path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.code).toBe("bad_request");
    expect(up.seen).toEqual([]);
  });

  it("refuses invalid JSON (400) and oversized bodies (413) without calling upstream", async () => {
    const bad = await call("/email", { method: "POST", body: "{nope" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Err).error.message).toMatch(/not valid JSON/);
    const big = await call("/email", { method: "POST", body: JSON.stringify({ HtmlBody: "x".repeat(5000) }) });
    expect(big.status).toBe(413);
    const e = (await big.json()) as Err;
    expect(e.error.code).toBe("payload_too_large");
    expect(e.error.message).toMatch(/MAX_BODY_BYTES/);
    expect(up.seen).toEqual([]);
  });

  it("answers 504 upstream_timeout when Postmark is too slow", async () => {
    up.reply(() => "hang");
    const res = await call("/domains?count=1&offset=0");
    expect(res.status).toBe(504);
    const e = (await res.json()) as Err;
    expect(e.error.code).toBe("upstream_timeout");
    expect(e.error.message).toMatch(/did not answer within 300 ms/);
  });

  it("never follows a redirect", async () => {
    up.reply((req) =>
      req.url.startsWith("/elsewhere")
        ? { body: { followed: true } }
        : { status: 302, headers: { Location: `${up.url}/elsewhere` }, body: {} },
    );
    const res = await call("/domains?count=1&offset=0");
    expect(res.status).toBe(502);
    expect(res.headers.get("location")).toBeNull();
    expect(up.seen.map((s) => s.url)).toEqual(["/domains?count=1&offset=0"]);
  });

  it("does not leak upstream headers and masks ApiTokens in answers", async () => {
    up.reply(() => ({
      body: { TotalCount: 1, Servers: [{ ID: 11, Name: "One", ApiTokens: [SRV1, "other-token-zzzz"] }] },
      headers: { "X-Secret-Upstream": "1", "Set-Cookie": "a=b" },
    }));
    const res = await call("/servers?count=10&offset=0");
    expect(res.headers.get("x-secret-upstream")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    const text = await res.text();
    expect(text).not.toContain(SRV1);
    expect(text).not.toContain("other-token-zzzz");
    expect(JSON.parse(text).Servers[0].ApiTokens).toEqual(["…cret", "…zzzz"]);
  });

  it("rediscovers server tokens when Postmark answers 401 for a discovered one", async () => {
    const rotated = [{ id: 11, name: "One", token: "srv1-rotated-token-9999" }, servers[1]!];
    const first = await call("/bounces?count=1&offset=0");
    expect(first.status).toBe(200);
    up.reply(postmarkLike({ accountToken: ACCOUNT, servers: rotated }));
    const res = await call("/bounces?count=1&offset=0");
    expect(res.status).toBe(200);
    expect(up.seen.at(-1)!.headers["x-postmark-server-token"]).toBe("srv1-rotated-token-9999");
  });

  describe("roles", () => {
    it("lets a viewer read but not write, and an operator write but not destroy", async () => {
      const viewer = await h.addUser("vic", "viewer");
      const operator = await h.addUser("opal", "operator");
      expect((await call("/domains?count=1&offset=0", { cookie: viewer })).status).toBe(200);
      up.reset();
      const w = await call("/email", { method: "POST", cookie: viewer, body: "{}" });
      expect(w.status).toBe(403);
      const e = (await w.json()) as Err;
      expect(e.error.code).toBe("forbidden");
      expect(e.error.message).toMatch(/viewer.*write/);
      expect((await call("/email", { method: "POST", cookie: operator, body: "{}" })).status).toBe(200);
      up.reset();
      const d = await call("/domains/5", { method: "DELETE", cookie: operator });
      expect(d.status).toBe(403);
      expect(((await d.json()) as Err).error.message).toMatch(/operator.*destructive/);
      expect(up.seen).toEqual([]);
      expect((await call("/domains/5", { method: "DELETE" })).status).toBe(200);
    });
  });

  describe("execute() for the workflow engine", () => {
    it("calls an operation by id with params, query and body", async () => {
      const r = await h.services.execute({
        operationId: "bounces.get",
        params: { bounceid: 42 },
        query: { x: "1" },
        serverId: 22,
        user: { username: "workflow", role: "operator" },
      });
      expect(r.status).toBe(200);
      expect(up.seen.at(-1)).toMatchObject({ method: "GET", url: "/bounces/42?x=1" });
      expect(up.seen.at(-1)!.headers["x-postmark-server-token"]).toBe(SRV2);
    });

    it("refuses params that would escape the path", async () => {
      up.reset();
      await expect(
        h.services.execute({
          operationId: "templates.get",
          params: { templateIdOrAlias: ".." },
          user: { username: "w", role: "admin" },
        }),
      ).rejects.toMatchObject({ status: 400 });
      await expect(
        h.services.execute({
          operationId: "templates.get",
          params: { templateIdOrAlias: "../servers" },
          user: { username: "w", role: "admin" },
        }),
      ).rejects.toMatchObject({ status: 400 });
      expect(up.seen).toEqual([]);
    });
  });

  describe("over real HTTP (raw request targets)", () => {
    let server: Awaited<ReturnType<typeof serveApp>>;
    beforeAll(async () => {
      server = await serveApp(h.app);
    });
    afterAll(async () => server.close());
    const headers = () => ({ cookie: admin, host: `127.0.0.1:${server.port}` });

    it("serves a normal call", async () => {
      const res = await server.raw("GET", "/api/postmark/domains?count=1&offset=0", headers());
      expect(res.status).toBe(200);
    });

    it.each([
      "/api/postmark/servers/../email",
      "/api/postmark/servers/%2e%2e/email",
      "/api/postmark/servers/.%2E/email",
      "/api/postmark/./domains",
      "/api/postmark//evil.example/servers",
      "/api/postmark/http://evil.example/servers",
      "/api/postmark/servers\\..\\email",
      "/api/postmark/servers%5c..%5cemail",
      "http://evil.example/api/postmark/servers?count=1&offset=0",
    ])("rejects %s with 400 and no upstream call", async (target) => {
      up.reset();
      const res = await server.raw("POST", target, { ...headers(), "content-type": "application/json" }, "{}");
      expect(res.status).toBe(400);
      expect(up.seen).toEqual([]);
    });

    it("refuses a body over the limit while streaming (no content-length)", async () => {
      up.reset();
      const res = await server.raw(
        "POST",
        "/api/postmark/email",
        { ...headers(), "content-type": "application/json", "transfer-encoding": "chunked" },
        JSON.stringify({ x: "y".repeat(10_000) }),
      );
      expect(res.status).toBe(413);
      expect(up.seen).toEqual([]);
    });
  });
});

describe("proxy with a server token only", () => {
  let up: FakeUpstream;
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    up = await startFakeUpstream(postmarkLike({ servers }));
    h = await createHarness({ env: { POSTMARK_API_URL: up.url, POSTMARK_SERVER_TOKEN: SRV2 } });
    admin = await h.login();
  });
  afterAll(async () => {
    await h.cleanup();
    await up.close();
  });

  it("uses the server token by default and for its own server id", async () => {
    const res = await h.request("/api/postmark/bounces?count=1&offset=0", { cookie: admin });
    expect(res.status).toBe(200);
    expect(up.seen.at(-1)!.headers["x-postmark-server-token"]).toBe(SRV2);
    const named = await h.request("/api/postmark/bounces?count=1&offset=0", {
      cookie: admin,
      headers: { "X-Mailroom-Server": "22" },
    });
    expect(named.status).toBe(200);
  });

  it("says clearly what is missing for another server or an account operation", async () => {
    const other = await h.request("/api/postmark/bounces?count=1&offset=0", {
      cookie: admin,
      headers: { "X-Mailroom-Server": "11" },
    });
    expect(other.status).toBe(503);
    expect(((await other.json()) as Err).error).toMatchObject({ code: "not_configured" });
    const account = await h.request("/api/postmark/domains?count=1&offset=0", { cookie: admin });
    expect(account.status).toBe(503);
    expect(((await account.json()) as Err).error.message).toMatch(/account token/);
  });

  it("lists its single server for the switcher", async () => {
    const res = await h.request("/api/servers", { cookie: admin });
    expect(await res.json()).toEqual({ servers: [{ id: 22, name: "Two", color: "blue" }], defaultServerId: 22 });
  });
});

describe("proxy when Postmark cannot be reached", () => {
  it("answers 502 upstream_unreachable", async () => {
    const up = await startFakeUpstream();
    const url = up.url;
    await up.close();
    const h = await createHarness({ env: { POSTMARK_API_URL: url, POSTMARK_ACCOUNT_TOKEN: ACCOUNT } });
    const res = await h.request("/api/postmark/domains?count=1&offset=0", { cookie: await h.login() });
    expect(res.status).toBe(502);
    const e = (await res.json()) as Err;
    expect(e.error.code).toBe("upstream_unreachable");
    expect(e.error.message).toMatch(/could not reach Postmark/);
    await h.cleanup();
  });
});
