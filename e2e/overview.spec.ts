import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, isPhone, signIn, watchConsole } from "./support";

// The overview against the sandbox: a server's bounce rate is raised through the sandbox's admin
// call, the verdict turns critical, an alert fires (overview, feed, a push to a local push
// service), and it resolves once enough clean mail has gone out.

const PORT = Number(process.env.E2E_PORT ?? 8790);
const SANDBOX = `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT ?? PORT + 1)}`;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ACCOUNT = "sandbox-account-token";
const SERVER_ID = 2; // "Lumen Staging": the quietest seeded server, so the numbers move quickly

async function startPushService() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    req.resume();
    req.on("end", () => res.writeHead(201).end());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const api = (page: Page) => page.request;
const post = (req: APIRequestContext, path: string, data: unknown, method = "POST") => req.fetch(path, { method, data, headers: { Origin: ORIGIN } });

async function serverToken(req: APIRequestContext): Promise<string> {
  const res = await req.get(`${SANDBOX}/servers/${SERVER_ID}`, { headers: { "X-Postmark-Account-Token": ACCOUNT, Accept: "application/json" } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { ApiTokens: string[] }).ApiTokens[0]!;
}

async function todayCounts(req: APIRequestContext, token: string): Promise<{ Sent: number; Bounced: number }> {
  const day = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
  const res = await req.get(`${SANDBOX}/stats/outbound?fromdate=${day}&todate=${day}`, { headers: { "X-Postmark-Server-Token": token, Accept: "application/json" } });
  return (await res.json()) as { Sent: number; Bounced: number };
}

/** Sends `n` plain messages (no tracking) on the server, in batches of 500 as Postmark allows. */
async function send(req: APIRequestContext, token: string, n: number) {
  for (let done = 0; done < n; done += 500) {
    const batch = Array.from({ length: Math.min(500, n - done) }, (_, i) => ({ From: "hello@lumen.example", To: `e2e-${done + i}@example.com`, Subject: "Overview test", TextBody: "Hi", TrackOpens: false, TrackLinks: "None" }));
    const res = await req.post(`${SANDBOX}/email/batch`, { data: batch, headers: { "X-Postmark-Server-Token": token, Accept: "application/json" } });
    expect(res.status()).toBe(200);
  }
}

async function selectServer(page: Page) {
  await page.getByRole("combobox", { name: "Postmark server" }).click();
  await page.getByRole("option", { name: "Lumen Staging" }).click();
}

test("the overview is the home page and reads well", async ({ page }, testInfo) => {
  test.slow();
  await signIn(page);
  const errors = watchConsole(page);
  await page.goto("/");
  // A cold load of the whole app: allow for a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("sends-today")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("verdict-bounce-today")).toBeVisible();
  await expect(page.getByTestId("tile-webhooks").locator("[data-testid^=flow-]")).toHaveCount(8);
  await expect(page.getByTestId("approvals-pending")).toBeVisible();
  // Every tile links to its detail page.
  await page.getByTestId("tile-bounce").getByRole("link", { name: "Today's bounces" }).click();
  await expect(page).toHaveURL(/\/bounces\?from=\d{4}-\d{2}-\d{2}/);
  await page.goBack();
  await page.waitForLoadState("networkidle");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath(`overview-${testInfo.project.name}.png`), fullPage: true });
  // Activity keeps its own route.
  await page.goto("/activity");
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

test("a raised bounce rate turns the verdict critical, fires an alert with one push, and resolves when the rate falls", async ({ page }, testInfo) => {
  test.slow();
  const push = await startPushService();
  try {
    await signIn(page);
    const req = api(page);
    const token = await serverToken(req);
    // This browser subscribes to notifications through a local push service.
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.generateKeys();
    const sub = { endpoint: `${push.base}/push/${testInfo.project.name}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") } };
    expect((await post(req, "/api/push/subscriptions", sub)).status()).toBe(201);

    // A rule: the bounce rate of Lumen Staging today reaches critical.
    const name = `Staging bounces (${testInfo.project.name})`;
    const created = await post(req, "/api/alerts/rules", { kind: "bounce-rate", name, enabled: true, scope: { serverId: SERVER_ID }, windowDays: 1, remindAfterMinutes: 60, level: "critical" });
    expect(created.status()).toBe(201);
    const ruleId = ((await created.json()) as { id: number }).id;

    // Raise the bounce rate to 10 % and send enough that today's rate is at least 8 % of 200+ sends.
    const before = await todayCounts(req, token);
    expect((await req.fetch(`${SANDBOX}/__sandbox/servers/${SERVER_ID}/bounce-rate`, { method: "PUT", data: { rate: 0.1 }, headers: { "X-Postmark-Account-Token": ACCOUNT } })).status()).toBe(200);
    // (b + 0.1n) / (s + n) ≥ 0.085 and s + n ≥ 200
    const n = Math.max(200 - before.Sent, Math.ceil(Math.max(0, 0.085 * before.Sent - before.Bounced) / 0.015)) + 20;
    await send(req, token, Math.ceil(n / 10) * 10);
    await expect.poll(async () => { const c = await todayCounts(req, token); return c.Bounced / c.Sent; }).toBeGreaterThanOrEqual(0.08);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
    await selectServer(page);
    await expect(page.getByTestId("verdict-bounce-today").locator("[data-level]")).toHaveAttribute("data-level", "critical");
    await page.getByRole("button", { name: "Check alerts now" }).click();
    const entry = page.getByTestId("overview-alerts").getByTestId("alert-entry").filter({ hasText: name });
    await expect(entry).toBeVisible();
    await expect(entry).toHaveAttribute("data-status", "firing");
    await expect.poll(() => push.hits.filter((h) => h.endsWith(`/push/${testInfo.project.name}`)).length).toBe(1);
    await page.screenshot({ path: testInfo.outputPath(`overview-critical-${testInfo.project.name}.png`), fullPage: true });

    // The feed shows it as an alert entry.
    await page.goto("/feed");
    await expect(page.getByTestId("feed-alerts").getByTestId("alert-entry").filter({ hasText: name })).toHaveAttribute("data-status", "firing", { timeout: 30_000 });

    // A second check while still breached: no second notification.
    await page.goto("/");
    await page.getByRole("button", { name: "Check alerts now" }).click({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Check alerts now" })).toBeEnabled({ timeout: 20_000 });

    // The rate falls: back to no forced bounces, and enough clean sends to bring it under 4 %.
    expect((await req.fetch(`${SANDBOX}/__sandbox/servers/${SERVER_ID}/bounce-rate`, { method: "DELETE", headers: { "X-Postmark-Account-Token": ACCOUNT } })).status()).toBe(200);
    const raised = await todayCounts(req, token);
    const clean = Math.ceil(raised.Bounced / 0.035 - raised.Sent);
    // The usual 2.8 % keeps bouncing at random: a little margin above the exact number.
    await send(req, token, Math.max(0, clean) + 50);
    await expect.poll(async () => { const c = await todayCounts(req, token); return c.Bounced / c.Sent; }, { timeout: 20_000 }).toBeLessThan(0.04);
    await page.getByRole("button", { name: "Check alerts now" }).click();
    await expect(page.getByTestId("overview-alerts").getByTestId("alert-entry").filter({ hasText: name })).toHaveCount(0);
    await expect(page.getByTestId("verdict-bounce-today").locator("[data-level]")).not.toHaveAttribute("data-level", "critical");
    expect(push.hits.filter((h) => h.endsWith(`/push/${testInfo.project.name}`))).toHaveLength(1);

    // The history keeps it, resolved, and the filter finds it.
    await page.goto("/alerts?status=resolved");
    await expect(page.getByTestId("alert-history").getByTestId("alert-entry").filter({ hasText: name }).first()).toHaveAttribute("data-status", "resolved", { timeout: 30_000 });
    if (!isPhone(testInfo)) await page.screenshot({ path: testInfo.outputPath("alerts-desktop.png"), fullPage: true });
    await expectNoHorizontalOverflow(page);
    expect((await post(req, `/api/alerts/rules/${ruleId}`, undefined, "DELETE")).status()).toBe(200);
  } finally {
    await push.close();
  }
});
