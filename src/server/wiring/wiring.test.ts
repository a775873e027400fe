import net from "node:net";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WiringApplyResponse, WiringPlanResponse, WiringResponse } from "../../contract/api/events";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { createHarness, type Harness } from "../test-support/harness";
import { webhookEnv, WEBHOOK_PASS } from "../test-support/webhooks";

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

let sb: RunningSandbox;
let h: Harness;
let admin: string;
let server: ReturnType<typeof createAdaptorServer>;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, eventsPerMinute: 0, historyMessages: 50 });
  const port = await freePort();
  h = await createHarness({
    env: { ...webhookEnv, PUBLIC_URL: `http://127.0.0.1:${port}` },
    sandbox: { url: sb.url, accountToken: sb.accountToken, emitEvent: sb.emitTestEvent },
  });
  server = createAdaptorServer({ fetch: h.app.fetch });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  admin = await h.login();
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await sb.close();
  await h.cleanup();
});

const api = async <T>(path: string, init: RequestInit = {}) => {
  const res = await h.request(path, { cookie: admin, ...init });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as T;
};

describe("webhook wiring against the sandbox", () => {
  it("checks, plans (masked), applies, and then reports every trigger reaching Mailroom", async () => {
    const before = await api<WiringResponse>("/api/wiring?server=all");
    expect(before.servers.length).toBe(sb.servers.length);
    expect(before.credentials.password).toBe(WEBHOOK_PASS);
    for (const s of before.servers) {
      expect(s.error).toBeNull();
      expect(s.triggers).toHaveLength(8);
      expect(s.triggers.every((t) => !t.reaches)).toBe(true);
    }

    const plan = await api<WiringPlanResponse>("/api/wiring/plan", {
      method: "POST",
      body: JSON.stringify({ servers: "all" }),
    });
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(plan)).not.toContain(WEBHOOK_PASS);
    expect(plan.changes.some((c) => c.operationId === "webhooks.create")).toBe(true);
    expect(plan.changes.some((c) => c.operationId === "servers.update")).toBe(true);
    // Inbound streams get no webhook (Postmark refuses them, 1351).
    expect(plan.changes.every((c) => (c.body as { MessageStream?: string } | null)?.MessageStream !== "inbound")).toBe(
      true,
    );

    // Other servers are untouched when only one is asked for.
    const one = sb.servers[0]!.id;
    const applied = await api<WiringApplyResponse>("/api/wiring/apply", {
      method: "POST",
      body: JSON.stringify({ servers: [one] }),
    });
    expect(applied.applied.every((a) => a.status === 200 && a.error === null)).toBe(true);
    const wired = applied.check.servers[0]!;
    expect(wired.serverId).toBe(one);
    for (const t of wired.triggers) expect(t.reaches, `${t.trigger}: ${t.problems.join(" ")}`).toBe(true);
    const bounce = wired.triggers.find((t) => t.trigger === "bounce")!;
    expect(bounce.missingStreams).toEqual([]);
    // Postmark posts no bounce or spam hooks for broadcast streams: not wired there, and not missing.
    expect(bounce.streams).toContain("outbound");
    expect(bounce.streams).not.toContain("broadcast");
    expect(wired.triggers.find((t) => t.trigger === "open")!.streams).toContain("broadcast");

    const again = await api<WiringPlanResponse>("/api/wiring/plan", {
      method: "POST",
      body: JSON.stringify({ servers: [one] }),
    });
    expect(again.changes).toEqual([]);
  });

  it("refuses non-admins and cross-site requests", async () => {
    const op = await h.addUser("op-wiring", "operator");
    expect((await h.request("/api/wiring", { cookie: op })).status).toBe(403);
    const res = await h.request("/api/wiring/apply", {
      method: "POST",
      cookie: admin,
      headers: { origin: "https://evil.example" },
      body: "{}",
    });
    expect(res.status).toBe(403);
  });

  it("sandbox test events arrive through the webhook, attributed to their server", async () => {
    const one = sb.servers[0]!.id;
    for (const trigger of ["bounce", "inbound", "smtp-api-error"] as const) {
      const res = await h.request("/api/events/test", {
        method: "POST",
        cookie: admin,
        body: JSON.stringify({ trigger, serverId: one }),
      });
      expect(res.status).toBe(202);
    }
    await expect
      .poll(
        async () =>
          (await h.services.events.repo.pageBefore({}, undefined, 10)).map((r) => `${r.trigger}:${r.server_id}`).sort(),
        { timeout: 5_000 },
      )
      .toEqual([`bounce:${one}`, `inbound:${one}`, `smtp-api-error:${one}`]);
  });
});
