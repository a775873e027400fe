import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, postmarkLike, type FakeUpstream } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";

const ACCOUNT = "acct-token-AAAA-1111-secret";
const SRV1 = "srv1-token-BBBB-2222-secret";
const servers = [
  { id: 11, name: "One", token: SRV1 },
  { id: 22, name: "Two", token: "srv2-token-CCCC-3333-secret" },
];
// Headers a socket answer carries that an in-process Response does not.
const TRANSPORT = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

type Answer = { status: number; headers: Record<string, string>; body: string };

describe("proxy reads answered straight from node's request", () => {
  let up: FakeUpstream;
  let h: Harness;
  let admin: string;
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    up = await startFakeUpstream(postmarkLike({ accountToken: ACCOUNT, servers }));
    h = await createHarness({ env: { POSTMARK_API_URL: up.url, POSTMARK_ACCOUNT_TOKEN: ACCOUNT } });
    admin = await h.login();
    // Only the node route: whatever it declines is marked, so a test knows which side answered.
    server = http.createServer((req, res) => {
      if (h.app.nodeRoutes(req, res)) return;
      res.writeHead(599);
      res.end("declined");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await h.cleanup();
    await up.close();
  });
  beforeEach(() => up.reset());

  const viaNode = (method: string, target: string, headers: Record<string, string> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, method, path: target, headers: { host: "localhost", ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const flat: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") flat[k] = v;
            resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks).toString("utf8") });
          });
        },
      );
      req.on("error", reject);
      req.end();
    });
  const viaApp = async (target: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await h.request(target, { headers });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  };
  const lastLogLine = () => (h.logger.lines.at(-1) ?? "").replace(/^\S+ /, "");

  /** Asks the app and the node route the same; their answers and log lines must match. */
  async function same(target: string, headers: Record<string, string> = {}) {
    const a = await viaApp(target, headers);
    const appLine = lastLogLine();
    const n = await viaNode("GET", target, headers);
    expect(n.status).not.toBe(599);
    expect(n.status).toBe(a.status);
    expect(n.body).toBe(a.body);
    const names = (x: Answer) =>
      Object.keys(x.headers)
        .filter((k) => !TRANSPORT.has(k))
        .sort();
    expect(names(n)).toEqual(names(a));
    for (const k of names(a)) if (k !== "x-request-id") expect(n.headers[k], k).toBe(a.headers[k]);
    if (a.headers["x-request-id"]) expect(n.headers["x-request-id"]).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(lastLogLine()).toBe(appLine);
    return n;
  }

  it("answers a read as the app does: Postmark's body, type and status, the operation, every security header", async () => {
    const n = await same("/api/postmark/domains?count=10&offset=0&x=a%20b", { cookie: admin });
    expect(n.status).toBe(200);
    expect(n.headers["x-mailroom-operation"]).toBe("domains.list");
    expect(n.headers["content-security-policy"]).toContain("default-src 'self'");
    const seen = up.seen.at(-1)!;
    expect(seen.url).toBe("/domains?count=10&offset=0&x=a%20b");
    expect(seen.headers["x-postmark-account-token"]).toBe(ACCOUNT);
    expect(seen.headers.cookie).toBeUndefined();
    expect(lastLogLine()).toBe("info  GET /api/postmark/domains?count&offset&x status=200 ms=0");
  });

  it("uses the server X-Mailroom-Server names, and refuses a bad or unknown one", async () => {
    expect(
      JSON.parse((await same("/api/postmark/bounces", { cookie: admin, "x-mailroom-server": "22" })).body),
    ).toMatchObject({
      server: 22,
    });
    expect((await same("/api/postmark/bounces", { cookie: admin, "x-mailroom-server": "abc" })).status).toBe(400);
    expect((await same("/api/postmark/bounces", { cookie: admin, "x-mailroom-server": "99" })).status).toBe(404);
  });

  it("refuses without a live session, a catalogued operation or Mailroom's own Host", async () => {
    expect((await same("/api/postmark/domains")).status).toBe(401);
    expect((await same("/api/postmark/domains", { cookie: "mailroom_session=forged" })).status).toBe(401);
    expect((await same("/api/postmark/no-such-thing", { cookie: admin })).status).toBe(404);
    expect((await same("/api/postmark/email", { cookie: admin })).status).toBe(405);
    const wrongHost = await same("/api/postmark/domains", { cookie: admin, host: "evil.example" });
    expect(wrongHost.status).toBe(421);
    expect(wrongHost.headers["x-request-id"]).toBeUndefined();
    expect(up.seen.filter((s) => !s.url.startsWith("/servers"))).toEqual([]);
  });

  it("reads the session cookie as the app does: alone, among others, quoted, or not at all", async () => {
    const value = admin.slice(admin.indexOf("=") + 1);
    for (const cookie of [
      admin,
      `theme=dark; ${admin}`,
      `${admin}; theme=dark`,
      `mailroom_session="${value}"`,
      `mailroom_session=; ${admin}`,
      `mailroom_session=${value}%`,
      "mailroom_session=",
      "other=1",
    ])
      await same("/api/postmark/domains", { cookie });
    expect((await same("/api/postmark/domains", { cookie: `theme=dark; ${admin}` })).status).toBe(200);
    expect((await same("/api/postmark/domains", { cookie: "mailroom_session=" })).status).toBe(401);
  });

  it("passes Postmark's errors through unchanged, and maps an unreachable Postmark as the app does", async () => {
    const error = { ErrorCode: 300, Message: "Invalid 'From' address." };
    up.reply(() => ({ status: 422, body: error }));
    const n = await same("/api/postmark/domains", { cookie: admin });
    expect(n.status).toBe(422);
    expect(JSON.parse(n.body)).toEqual(error);
    up.reply(() => "destroy");
    expect((await same("/api/postmark/domains", { cookie: admin })).status).toBe(502);
  });

  it("never lets a token or a webhook credential out, and serves no HTML", async () => {
    up.reply(() => ({
      body: { Url: "https://user:pw@hooks.example/x", HttpAuth: { Username: "u", Password: "hunter2" }, Note: SRV1 },
    }));
    const n = await same("/api/postmark/webhooks", { cookie: admin, "x-mailroom-server": "11" });
    expect(n.body).not.toContain(SRV1);
    expect(n.body).not.toContain("hunter2");
    expect(n.body).not.toContain("user:pw");
    up.reply(() => ({ body: "<script>alert(1)</script>", headers: { "Content-Type": "text/html" } }));
    expect((await same("/api/postmark/domains", { cookie: admin })).headers["content-type"]).toBe(
      "text/plain; charset=utf-8",
    );
  });

  it("declines what the app must serve: state changes, HEAD, and targets or hosts URL parsing would rewrite", async () => {
    const declined = async (method: string, target: string, headers: Record<string, string> = {}) =>
      (await viaNode(method, target, { cookie: admin, ...headers })).status;
    expect(await declined("POST", "/api/postmark/email")).toBe(599);
    expect(await declined("DELETE", "/api/postmark/servers/1")).toBe(599);
    expect(await declined("HEAD", "/api/postmark/domains")).toBe(599);
    expect(await declined("GET", "/api/postmark/%2e%2e/users")).toBe(599);
    expect(await declined("GET", "/api/postmark/a/../b")).toBe(599);
    expect(await declined("GET", "/api/postmark/domains/.")).toBe(599);
    expect(await declined("GET", "/api/postmark")).toBe(599);
    expect(await declined("GET", "/api/users")).toBe(599);
    expect(await declined("GET", "/api/postmark/domains", { host: "LOCALHOST" })).toBe(599);
    expect(up.seen).toEqual([]);
  });
});
