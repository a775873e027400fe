import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, isPhone, signIn, watchConsole } from "./support";

// The overview against the sandbox: a server's bounce rate is raised through the sandbox's admin
// call, the verdict turns critical, an alert fires (overview, feed, a push to a local push
// service), and it resolves once enough clean mail has gone out. Each project uses a tag of its own,
// so the numbers are exact and do not depend on the seeded history.

const PORT = Number(process.env.E2E_PORT ?? 8790);
const SANDBOX = `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT ?? PORT + 1)}`;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ACCOUNT = "sandbox-account-token";
// "Lumen Staging": the quietest seeded server, so the numbers move quickly. Its id is looked up by name.
const SERVER_NAME = "Lumen Staging";
let SERVER_ID = 0;
// The local push service listens where playwright.config.ts allows push endpoints (PUSH_ALLOW_ENDPOINT_ORIGINS).
const PUSH_PORT = Number(process.env.E2E_PUSH_PORT ?? PORT + 2);

async function startPushService() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    req.resume();
    req.on("end", () => res.writeHead(201).end());
  });
  await new Promise<void>((r) => server.listen(PUSH_PORT, "127.0.0.1", r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const api = (page: Page) => page.request;
const post = (req: APIRequestContext, path: string, data: unknown, method = "POST") =>
  req.fetch(path, { method, data, headers: { Origin: ORIGIN } });

async function serverToken(req: APIRequestContext): Promise<string> {
  const list = await req.get(`${SANDBOX}/servers?count=100&offset=0`, {
    headers: { "X-Postmark-Account-Token": ACCOUNT, Accept: "application/json" },
  });
  const servers = ((await list.json()) as { Servers: { ID: number; Name: string }[] }).Servers;
  SERVER_ID = servers.find((x) => x.Name === SERVER_NAME)!.ID;
  const res = await req.get(`${SANDBOX}/servers/${SERVER_ID}`, {
    headers: { "X-Postmark-Account-Token": ACCOUNT, Accept: "application/json" },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { ApiTokens: string[] }).ApiTokens[0]!;
}

async function todayCounts(
  req: APIRequestContext,
  token: string,
  tag: string,
): Promise<{ Sent: number; Bounced: number }> {
  // Postmark's day is US Eastern; a day either side covers the clock edge, and the tag is new.
  const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const res = await req.get(`${SANDBOX}/stats/outbound?fromdate=${from}&todate=${to}&tag=${encodeURIComponent(tag)}`, {
    headers: { "X-Postmark-Server-Token": token, Accept: "application/json" },
  });
  const o = (await res.json()) as { Sent: number; Bounced: number };
  return { Sent: o.Sent, Bounced: o.Bounced };
}

/** Sends `n` plain messages (no tracking) on the server, in batches of 500 as Postmark allows; each address is new, so none is suppressed by an earlier bounce. */
async function send(req: APIRequestContext, token: string, n: number, tag: string, phase: string) {
  for (let done = 0; done < n; done += 500) {
    const batch = Array.from({ length: Math.min(500, n - done) }, (_, i) => ({
      From: "hello@lumenapp.io",
      To: `${tag}-${phase}-${done + i}@e2e.example`,
      Subject: "Overview test",
      TextBody: "Hi",
      TrackOpens: false,
      TrackLinks: "None",
      Tag: tag,
    }));
    const res = await req.post(`${SANDBOX}/email/batch`, {
      data: batch,
      headers: { "X-Postmark-Server-Token": token, Accept: "application/json" },
    });
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
  // The latest events are the selected server's (the default one here).
  const latestEvents = page.waitForRequest((r) => /\/api\/events\?limit=5&server=\d+$/.test(r.url()), {
    timeout: 60_000,
  });
  await page.goto("/");
  // A cold load of the whole app: allow for a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("sends-today")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("verdict-bounce-today")).toBeVisible();
  await expect(page.getByTestId("tile-webhooks").locator("[data-testid^=flow-]")).toHaveCount(8);
  await expect(page.getByTestId("approvals-pending")).toBeVisible();
  await latestEvents;
  // Every tile links to its detail page, with the filter applied: a verdict to the bounces behind it.
  const dated = /\/bounces\?(?=.*from=\d{4}-\d{2}-\d{2})(?=.*to=\d{4}-\d{2}-\d{2})/;
  await expect(page.getByTestId("verdict-spam-today-link")).toHaveAttribute("href", /type=SpamComplaint/);
  await expect(page.getByTestId("verdicts-stream").getByRole("link").first()).toHaveAttribute("href", /stream=/);
  await expect(page.getByTestId("tile-webhooks").getByRole("link", { name: "Check the wiring" })).toHaveAttribute(
    "href",
    "/settings?tab=webhooks",
  );
  await page.getByTestId("verdict-bounce-period-link").click();
  await expect(page).toHaveURL(dated);
  await page.goBack();
  await page.waitForLoadState("networkidle");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath(`overview-${testInfo.project.name}.png`), fullPage: true });
  // Activity keeps its own route.
  await page.goto("/activity");
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

test("a raised bounce rate turns the verdict critical, fires an alert with one push, and resolves when the rate falls", async ({
  page,
}, testInfo) => {
  // Hundreds of sends and their webhooks on a shared 2-core machine.
  test.setTimeout(240_000);
  const push = await startPushService();
  try {
    await signIn(page);
    const req = api(page);
    const token = await serverToken(req);
    // This browser subscribes to notifications through a local push service.
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.generateKeys();
    const sub = {
      endpoint: `${push.base}/push/${testInfo.project.name}`,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") },
    };
    expect((await post(req, "/api/push/subscriptions", sub)).status()).toBe(201);

    // A rule: the bounce rate of a tag of its own (so each project starts from zero) reaches critical today.
    const tag = `e2e-${testInfo.project.name}-${Date.now()}`;
    const name = `Staging bounces (${testInfo.project.name})`;
    const created = await post(req, "/api/alerts/rules", {
      kind: "bounce-rate",
      name,
      enabled: true,
      scope: { serverId: SERVER_ID, tag },
      windowDays: 1,
      remindAfterMinutes: 60,
      level: "critical",
    });
    expect(created.status()).toBe(201);
    const ruleId = ((await created.json()) as { id: number }).id;

    // Raise the server's bounce rate to exactly 10 % and send 200 tagged messages: 20 bounces, critical.
    const setRate = (rate: number) =>
      req.fetch(`${SANDBOX}/__sandbox/servers/${SERVER_ID}/bounce-rate`, {
        method: "PUT",
        data: { rate },
        headers: { "X-Postmark-Account-Token": ACCOUNT },
      });
    expect((await setRate(0.1)).status()).toBe(200);
    await send(req, token, 200, tag, "raise");
    await expect.poll(() => todayCounts(req, token, tag), { timeout: 30_000 }).toEqual({ Sent: 200, Bounced: 20 });

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
    await selectServer(page);
    const tagRow = page.getByTestId("verdicts-tag").getByRole("listitem").filter({ hasText: tag });
    await expect(tagRow.locator("[data-level]").first()).toHaveAttribute("data-level", "critical", { timeout: 30_000 });
    await page.getByRole("button", { name: "Check alerts now" }).click();
    const entry = page.getByTestId("overview-alerts").getByTestId("alert-entry").filter({ hasText: name });
    await expect(entry).toHaveAttribute("data-status", "firing", { timeout: 30_000 });
    await expect
      .poll(() => push.hits.filter((h) => h.endsWith(`/push/${testInfo.project.name}`)).length, { timeout: 20_000 })
      .toBe(1);
    await page.screenshot({
      path: testInfo.outputPath(`overview-critical-${testInfo.project.name}.png`),
      fullPage: true,
    });

    // The feed shows it as an alert entry.
    await page.goto("/feed");
    await expect(page.getByTestId("feed-alerts").getByTestId("alert-entry").filter({ hasText: name })).toHaveAttribute(
      "data-status",
      "firing",
      { timeout: 30_000 },
    );

    // The rate falls: no more bounces, and 310 clean sends bring it to 20 of 510, under 4 %.
    expect((await setRate(0)).status()).toBe(200);
    await send(req, token, 310, tag, "fall");
    await expect.poll(() => todayCounts(req, token, tag), { timeout: 30_000 }).toEqual({ Sent: 510, Bounced: 20 });
    expect(
      (
        await req.fetch(`${SANDBOX}/__sandbox/servers/${SERVER_ID}/bounce-rate`, {
          method: "DELETE",
          headers: { "X-Postmark-Account-Token": ACCOUNT },
        })
      ).status(),
    ).toBe(200);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Check alerts now" }).click();
    await expect(page.getByTestId("overview-alerts").getByTestId("alert-entry").filter({ hasText: name })).toHaveCount(
      0,
      { timeout: 30_000 },
    );
    // One notification for the whole breach.
    expect(push.hits.filter((h) => h.endsWith(`/push/${testInfo.project.name}`))).toHaveLength(1);

    // The history keeps it, resolved, and the filter finds it.
    await page.goto("/alerts?status=resolved");
    await expect(
      page.getByTestId("alert-history").getByTestId("alert-entry").filter({ hasText: name }).first(),
    ).toHaveAttribute("data-status", "resolved", { timeout: 30_000 });
    if (!isPhone(testInfo)) await page.screenshot({ path: testInfo.outputPath("alerts-desktop.png"), fullPage: true });
    await expectNoHorizontalOverflow(page);
    // A link to an alert outside the listed ones (here filtered out) reads it by id.
    const listed = (await (await req.get(`/api/alerts?rule=${ruleId}`)).json()) as { alerts: { id: number }[] };
    await page.goto(`/alerts?status=firing&alert=${listed.alerts[0]!.id}`);
    await expect(page.getByTestId("alert-detail")).toContainText(name, { timeout: 30_000 });
    await expect(page.getByTestId("alert-detail")).toContainText("resolved");
    expect((await post(req, `/api/alerts/rules/${ruleId}`, undefined, "DELETE")).status()).toBe(200);
  } finally {
    await push.close();
  }
});
