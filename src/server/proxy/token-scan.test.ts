import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, postmarkLike, type FakeUpstream } from "../test-support/fake-upstream";
import { createHarness, type Harness } from "../test-support/harness";

const ACCOUNT = "scan-account-token-7f3a9c";
const SRV1 = "scan-server-token-one-5b2e";
const SRV2 = "scan-server-token-two-8d4c";
const TOKENS = [ACCOUNT, SRV1, SRV2];

describe("tokens never leave the server", () => {
  let up: FakeUpstream;
  let h: Harness;
  const outputs: string[] = [];

  beforeAll(async () => {
    const normal = postmarkLike({
      accountToken: ACCOUNT,
      servers: [
        { id: 1, name: "One", token: SRV1 },
        { id: 2, name: "Two", token: SRV2 },
      ],
    });
    up = await startFakeUpstream((req) => {
      // An upstream that misbehaves: echoes the token it received, slow or broken on request.
      if (req.url.includes("echo"))
        return {
          body: {
            Message: `you sent ${req.headers["x-postmark-server-token"]} and ${req.headers["x-postmark-account-token"]}`,
          },
        };
      if (req.url.includes("slow")) return "hang";
      if (req.url.includes("broken")) return "destroy";
      if (req.url.includes("fail")) return { status: 401, body: { ErrorCode: 10, Message: `Bad token ${ACCOUNT}` } };
      return normal(req);
    });
    h = await createHarness({
      env: {
        POSTMARK_API_URL: up.url,
        POSTMARK_ACCOUNT_TOKEN: ACCOUNT,
        POSTMARK_TIMEOUT_MS: "200",
        MAX_BODY_BYTES: "1024",
      },
    });
  });
  afterAll(async () => {
    await h.cleanup();
    await up.close();
  });

  async function record(res: Response) {
    outputs.push(`${res.status} ${JSON.stringify([...res.headers.entries()])} ${await res.text()}`);
  }

  it("in responses, headers, error messages and log lines of many calls", async () => {
    const admin = await h.login();
    const viewer = await h.addUser("viewer1", "viewer");
    const calls: [string, RequestInit & { cookie?: string }][] = [
      ["/api/postmark/servers?count=500&offset=0", {}],
      ["/api/postmark/servers/1", {}],
      ["/api/postmark/server", {}],
      ["/api/postmark/server", { headers: { "X-Mailroom-Server": "2" } }],
      ["/api/postmark/bounces?count=1&offset=0&echo=1", {}],
      ["/api/postmark/domains?count=1&offset=0&echo=1", {}],
      ["/api/postmark/domains?count=1&offset=0&fail=1", {}],
      ["/api/postmark/bounces?count=1&offset=0&slow=1", {}],
      ["/api/postmark/bounces?count=1&offset=0&broken=1", {}],
      ["/api/postmark/nope", {}],
      ["/api/postmark/servers%2f1", {}],
      ["/api/postmark/email", { method: "POST", body: "{bad" }],
      ["/api/postmark/email", { method: "POST", body: JSON.stringify({ x: "y".repeat(2000) }) }],
      ["/api/postmark/domains/1", { method: "DELETE", cookie: viewer }],
      ["/api/postmark/bounces?count=1&offset=0", { headers: { "X-Mailroom-Server": "404" } }],
      ["/api/servers", {}],
      ["/api/settings/connection", {}],
      ["/api/health", {}],
    ];
    for (const [path, init] of calls) await record(await h.request(path, { cookie: admin, ...init }));
    for (let i = 0; i < 20; i++)
      await record(
        await h.request(`/api/postmark/message-streams?i=${i}`, {
          cookie: admin,
          headers: { "X-Mailroom-Server": String((i % 2) + 1) },
        }),
      );

    // The upstream really did receive them: the test would be vacuous otherwise.
    expect(up.seen.some((s) => s.headers["x-postmark-server-token"] === SRV2)).toBe(true);
    expect(outputs.some((o) => o.startsWith("504"))).toBe(true);
    expect(outputs.some((o) => o.startsWith("502"))).toBe(true);

    const everything = [...outputs, ...h.logger.lines].join("\n");
    expect(h.logger.lines.length).toBeGreaterThan(30);
    for (const t of TOKENS) expect(everything).not.toContain(t);
    // Nor the cookie value or the password.
    expect(h.logger.lines.join("\n")).not.toContain(admin.split("=")[1]!);
    expect(h.logger.lines.join("\n")).not.toContain("admin-password-123");
  });
});
