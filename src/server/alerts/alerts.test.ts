import crypto from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  AlertCheckResponse,
  AlertItem,
  AlertRule,
  AlertsResponse,
  HealthVerdictsResponse,
  OverviewResponse,
  ThresholdsResponse,
} from "../../contract/api/alerts";
import type { PushPayload } from "../../contract/api/notifications";
import { startFakeUpstream, type FakeUpstream, type Seen } from "../test-support/fake-upstream";
import { sqliteTestStore, type TestStore } from "../test-support/databases";
import { testClock } from "../test-support/harness";
import type { RunsResponse, WorkflowDetail } from "../../contract/api/workflows";
import { appOnStore, until, upstreamHandler, workCalls, type TestApp } from "../test-support/workflow-harness";

// Stands in for a browser vendor's push service and a browser that decrypts (as in push.test.ts).
const ece = createRequire(import.meta.url)("http_ece") as {
  decrypt(body: Buffer, o: { version: string; privateKey: crypto.ECDH; authSecret: string }): Buffer;
};
async function startPushService() {
  const hits: { url: string; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ url: req.url ?? "", body: Buffer.concat(chunks) });
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}
const ecdh = crypto.createECDH("prime256v1");
ecdh.generateKeys();
const auth = crypto.randomBytes(16).toString("base64url");
const decrypt = (body: Buffer) =>
  JSON.parse(
    ece.decrypt(body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth }).toString("utf8"),
  ) as PushPayload;

/** What the fake Postmark's stats say, changed by each test. */
const stats = { Sent: 0, Bounced: 0, SpamComplaints: 0, bounceTypes: {} as Record<string, number>, outboundTotal: 0 };

function postmark(req: Seen) {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/stats/outbound")
    return {
      body: {
        Sent: stats.Sent,
        Bounced: stats.Bounced,
        SpamComplaints: stats.SpamComplaints,
        BounceRate: 0,
        SpamComplaintsRate: 0,
      },
    };
  if (url.pathname === "/stats/outbound/bounces") return { body: { Days: [], ...stats.bounceTypes } };
  if (url.pathname === "/messages/outbound") return { body: { TotalCount: stats.outboundTotal, Messages: [] } };
  if (url.pathname === "/message-streams")
    return {
      body: {
        MessageStreams: [{ ID: "outbound", Name: "Default", MessageStreamType: "Transactional" }],
        TotalCount: 1,
      },
    };
  return null;
}

const MIN = 60_000;

describe("health alerts", () => {
  let up: FakeUpstream;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let db: TestStore & { dir: string };
  let t: TestApp;
  let admin: string;
  let viewer: string;
  let clock: ReturnType<typeof testClock>;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(postmark));
    push = await startPushService();
  });
  afterAll(async () => {
    await up.close();
    await push.close();
  });
  beforeEach(async () => {
    Object.assign(stats, { Sent: 1000, Bounced: 10, SpamComplaints: 0, bounceTypes: {}, outboundTotal: 0 });
    push.hits.length = 0;
    up.seen.length = 0;
    db = await sqliteTestStore();
    clock = testClock(Date.parse("2030-01-15T15:00:00Z"));
    t = await appOnStore({
      store: db.store,
      dir: db.dir,
      upstreamUrl: up.url,
      clock,
      push: { allowEndpointOrigins: [push.base] },
      env: { SESSION_IDLE_MINUTES: "1440" },
    });
    admin = await t.login();
    viewer = await t.addUser("victor", "viewer");
    const sub = {
      endpoint: `${push.base}/push/admin`,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth },
    };
    expect((await t.request("/api/push/subscriptions", { method: "POST", cookie: admin, json: sub })).status).toBe(201);
  });
  afterEach(async () => {
    await t.services.notifier.idle();
    await db.cleanup();
  });

  const rule = (over: Record<string, unknown> = {}) => ({
    kind: "bounce-rate",
    name: "Bounces on Main",
    enabled: true,
    scope: { serverId: 1 },
    windowDays: 1,
    remindAfterMinutes: 60,
    level: "critical",
    ...over,
  });
  const check = async () => {
    const res = await t.request("/api/alerts/check", { method: "POST", cookie: admin });
    expect(res.status).toBe(200);
    const r = (await res.json()) as AlertCheckResponse;
    await t.services.notifier.idle();
    return r;
  };
  const alerts = async (q = "") =>
    ((await (await t.request(`/api/alerts${q}`, { cookie: viewer })).json()) as AlertsResponse).alerts;

  it("a breach opens one alert and one notification; it stays quiet, reminds after the quiet period, resolves, and fires again as a new alert", async () => {
    const created = await t.request("/api/alerts/rules", { method: "POST", cookie: admin, json: rule() });
    expect(created.status).toBe(201);
    const { id: ruleId } = (await created.json()) as AlertRule;

    // 1 %: good, nothing happens.
    expect(await check()).toMatchObject({ checked: 1, opened: 0, notified: 0 });
    expect(await alerts()).toEqual([]);
    // The checker asked Postmark for today (Eastern) on server 1, as a read-only actor.
    const statsCall = up.seen.find((s) => s.url.startsWith("/stats/outbound?"))!;
    expect(statsCall.url).toContain("fromdate=2030-01-15&todate=2030-01-15");
    expect(statsCall.headers["x-postmark-server-token"]).toBe("srv-1");

    // 9 %: critical → firing, one push.
    stats.Bounced = 90;
    expect(await check()).toMatchObject({ opened: 1, notified: 1 });
    const [firing] = await alerts("?status=firing");
    expect(firing).toMatchObject({
      ruleId,
      status: "firing",
      kind: "bounce-rate",
      serverId: 1,
      value: 9,
      notifications: 1,
      endedAt: null,
    });
    expect(firing!.summary).toContain("90 bounces ÷ 1000 sent = 9.0%");
    expect(push.hits).toHaveLength(1);
    expect(decrypt(push.hits[0]!.body)).toMatchObject({
      kind: "alert",
      alertStatus: "firing",
      url: `/alerts?alert=${firing!.id}`,
      tag: `alert-${firing!.id}`,
      title: "Alert: Bounces on Main",
    });

    // Still breached 10 and 50 minutes later: no new alert, no new push.
    clock.advance(10 * MIN);
    expect(await check()).toMatchObject({ opened: 0, notified: 0 });
    clock.advance(40 * MIN);
    await check();
    expect(push.hits).toHaveLength(1);
    // 60 minutes after the notification: one reminder.
    clock.advance(10 * MIN);
    expect(await check()).toMatchObject({ notified: 1 });
    expect(push.hits).toHaveLength(2);
    expect(decrypt(push.hits[1]!.body).title).toBe("Still firing: Bounces on Main");

    // The rate falls: resolved, with an end time; no push for the resolution.
    stats.Sent = 3000;
    clock.advance(5 * MIN);
    expect(await check()).toMatchObject({ resolved: 1, notified: 0 });
    const [resolved] = await alerts();
    expect(resolved).toMatchObject({
      id: firing!.id,
      status: "resolved",
      endedAt: new Date(clock()).toISOString(),
      notifications: 2,
    });
    expect(push.hits).toHaveLength(2);

    // It breaches again: a new alert, a new push.
    stats.Bounced = 400;
    clock.advance(5 * MIN);
    expect(await check()).toMatchObject({ opened: 1, notified: 1 });
    const all = await alerts();
    expect(all.map((a) => a.status)).toEqual(["firing", "resolved"]);
    expect(all[0]!.id).not.toBe(firing!.id);
    expect(push.hits).toHaveLength(3);
    expect(await alerts("?status=resolved")).toHaveLength(1);
  });

  it("too small a sample never fires, and a failed measurement leaves the alert as it is", async () => {
    await t.request("/api/alerts/rules", { method: "POST", cookie: admin, json: rule() });
    Object.assign(stats, { Sent: 150, Bounced: 150 });
    expect(await check()).toMatchObject({ opened: 0 });
    Object.assign(stats, { Sent: 300, Bounced: 150 });
    expect(await check()).toMatchObject({ opened: 1 });
    up.reply(
      upstreamHandler((req) =>
        req.url.startsWith("/stats") ? { status: 500, body: { ErrorCode: 100, Message: "Maintenance" } } : null,
      ),
    );
    const r = await check();
    expect(r.resolved).toBe(0);
    expect(r.errors[0]!.message).toContain("Maintenance");
    expect(await alerts("?status=firing")).toHaveLength(1);
    up.reset();
  });

  it("bounce types, SMTP API errors and a stopped webhook flow", async () => {
    for (const r of [
      rule({ kind: "bounce-type", name: "DMARC", bounceType: "DMARCPolicy", atLeast: 5, level: undefined }),
      rule({ kind: "smtp-api-errors", name: "SMTP", atLeast: 1, level: undefined }),
      rule({ kind: "webhook-silence", name: "Deliveries stopped", trigger: "delivery", minutes: 30, level: undefined }),
    ])
      expect((await t.request("/api/alerts/rules", { method: "POST", cookie: admin, json: r })).status).toBe(201);
    stats.bounceTypes = { DMARCPolicy: 4, SMTPApiError: 0 };
    expect(await check()).toMatchObject({ checked: 3, opened: 0 });
    stats.bounceTypes = { DMARCPolicy: 5, SMTPApiError: 2 };
    stats.outboundTotal = 12;
    const r = await check();
    expect(r).toMatchObject({ opened: 3, errors: [] });
    const names = (await alerts()).map((a) => a.ruleName).sort();
    expect(names).toEqual(["DMARC", "Deliveries stopped", "SMTP"]);
    // The sends search asked for messages of the rule's last 30 minutes, in Eastern time.
    const search = up.seen.find((s) => s.url.startsWith("/messages/outbound?"))!;
    expect(decodeURIComponent(search.url)).toContain("fromdate=2030-01-15T09:30:00");
    // Sends stop too: no longer a breach.
    stats.outboundTotal = 0;
    clock.advance(MIN);
    expect((await check()).resolved).toBe(1);
  });

  it("validates rules and thresholds, and checks roles", async () => {
    const bad = await t.request("/api/alerts/rules", { method: "POST", cookie: admin, json: rule({ windowDays: 0 }) });
    expect(bad.status).toBe(400);
    const unknownServer = await t.request("/api/alerts/rules", {
      method: "POST",
      cookie: admin,
      json: rule({ scope: { serverId: 99 } }),
    });
    expect(unknownServer.status).toBe(400);
    expect(((await unknownServer.json()) as { error: { message: string } }).error.message).toContain("Server 99");
    expect((await t.request("/api/alerts/rules", { method: "POST", cookie: viewer, json: rule() })).status).toBe(403);
    expect((await t.request("/api/alerts/check", { method: "POST", cookie: viewer })).status).toBe(403);

    const th = (await (await t.request("/api/alerts/thresholds", { cookie: viewer })).json()) as ThresholdsResponse;
    expect(th.thresholds).toEqual({
      bounce: { warning: 4, critical: 8 },
      spam: { warning: 0.1, critical: 0.3 },
      minVolume: 200,
    });
    const next = { ...th.thresholds, bounce: { warning: 2, critical: 5 } };
    expect((await t.request("/api/alerts/thresholds", { method: "PUT", cookie: viewer, json: next })).status).toBe(403);
    expect(
      (
        await t.request("/api/alerts/thresholds", {
          method: "PUT",
          cookie: admin,
          json: { ...next, bounce: { warning: 5, critical: 5 } },
        })
      ).status,
    ).toBe(400);
    const saved = (await (
      await t.request("/api/alerts/thresholds", { method: "PUT", cookie: admin, json: next })
    ).json()) as ThresholdsResponse;
    expect(saved).toMatchObject({ thresholds: next, updatedBy: "admin" });

    // The new thresholds judge: 3 % is now a warning.
    stats.Bounced = 30;
    const h = (await (
      await t.request("/api/overview/health?server=1&days=7", { cookie: viewer })
    ).json()) as HealthVerdictsResponse;
    expect(h.today.bounce.level).toBe("warning");
    expect(h.period).toMatchObject({ fromdate: "2030-01-09", todate: "2030-01-15", days: 7 });
    expect(h.streams.map((s) => s.name)).toEqual(["outbound"]);

    // Deleting a rule ends its alert.
    const created = (await (
      await t.request("/api/alerts/rules", { method: "POST", cookie: admin, json: rule() })
    ).json()) as AlertRule;
    stats.Bounced = 100;
    await check();
    expect((await t.request(`/api/alerts/rules/${created.id}`, { method: "DELETE", cookie: admin })).status).toBe(200);
    expect((await alerts())[0]).toMatchObject({ status: "resolved" });
    expect(
      (await t.request(`/api/alerts/rules/${created.id}`, { method: "PUT", cookie: admin, json: rule() })).status,
    ).toBe(404);
  });

  it("an alert starts the workflows on the alert trigger once, with the alert's data in the step", async () => {
    await t.request("/api/alerts/rules", { method: "POST", cookie: admin, json: rule() });
    const page = {
      version: 1,
      name: "Page on-call about bounce alerts",
      trigger: {
        type: "alert",
        conditions: { mode: "all", rules: [{ field: "Kind", op: "equals", value: "bounce-rate" }] },
      },
      scope: { serverIds: [1] },
      steps: [
        {
          id: "page",
          kind: "action",
          operationId: "email.send",
          body: {
            From: "alerts@example.com",
            To: "oncall@example.com",
            Subject: { $template: "Alert {{trigger.AlertID}}: {{trigger.RuleName}}" },
            TextBody: { $map: { from: "trigger", path: "Summary" } },
          },
          approval: "auto",
        },
      ],
    };
    const created = await t.request("/api/workflows", { method: "POST", cookie: admin, json: page });
    expect(created.status).toBe(201);
    const wf = (await created.json()) as WorkflowDetail;
    expect((await t.request(`/api/workflows/${wf.id}/enable`, { method: "POST", cookie: admin })).status).toBe(200);
    // A workflow on another trigger kind of alert never starts.
    const other = { ...page, name: "Spam alerts only" };
    other.trigger = {
      type: "alert",
      conditions: { mode: "all", rules: [{ field: "Kind", op: "equals", value: "spam-rate" }] },
    };
    const otherWf = (await (
      await t.request("/api/workflows", { method: "POST", cookie: admin, json: other })
    ).json()) as WorkflowDetail;
    await t.request(`/api/workflows/${otherWf.id}/enable`, { method: "POST", cookie: admin });

    const runs = async () => ((await (await t.request(`/api/runs`, { cookie: admin })).json()) as RunsResponse).runs;
    stats.Bounced = 90;
    expect(await check()).toMatchObject({ opened: 1, workflowRuns: 1 });
    const [alert] = await alerts("?status=firing");
    const [run] = await until(async () => {
      const r = await runs();
      return r.length === 1 && r[0]!.status === "succeeded" ? r : null;
    });
    expect(run).toMatchObject({ workflowId: wf.id, trigger: "alert", serverId: 1, eventId: null });
    const sent = workCalls(up.seen).filter((s) => s.method === "POST" && s.url === "/email");
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({
      To: "oncall@example.com",
      Subject: `Alert ${alert!.id}: Bounces on Main`,
      TextBody: alert!.summary,
    });
    expect(sent[0]!.headers["x-postmark-server-token"]).toBe("srv-1");

    // Still firing on later checks, and a second pass at once: no second run.
    clock.advance(10 * MIN);
    expect(await check()).toMatchObject({ opened: 0, workflowRuns: 0 });
    expect(await runs()).toHaveLength(1);

    // A checker that stopped after opening an alert and before starting its runs: the next pass starts them, once.
    const repo = t.services.alerts.checker.repo;
    const [stored] = (await repo.listRules()).map((r) => ({ id: r.id, rule: r.rule }));
    await repo.resolve(alert!.id, new Date(clock()).toISOString());
    const orphan = await repo.open(stored!, { now: new Date(clock()).toISOString(), value: 9, summary: "left behind" });
    expect(orphan).not.toBeNull();
    const again = await Promise.all([check(), t.services.alerts.checker.checkOnce()]);
    expect(again[0].workflowRuns).toBe(1);
    const after = await until(async () => {
      const r = await runs();
      return r.length === 2 && r.every((x) => x.status === "succeeded") ? r : null;
    });
    expect(after).toHaveLength(2);
    expect(
      workCalls(up.seen)
        .filter((s) => s.url === "/email")
        .map((s) => JSON.parse(s.body).Subject),
    ).toEqual([`Alert ${alert!.id}: Bounces on Main`, `Alert ${orphan!.id}: Bounces on Main`]);
  });

  it("the overview lists firing alerts, webhook flow per trigger, approvals and runs", async () => {
    await t.request("/api/alerts/rules", { method: "POST", cookie: admin, json: rule() });
    stats.Bounced = 100;
    await check();
    const o = (await (await t.request("/api/overview?server=1", { cookie: viewer })).json()) as OverviewResponse;
    expect(o.serverId).toBe(1);
    expect(o.alerts.map((a: AlertItem) => a.status)).toEqual(["firing"]);
    expect(o.webhooks.triggers).toHaveLength(8);
    expect(o.webhooks.triggers.every((x) => x.lastAt === null)).toBe(true);
    expect(o.approvals).toEqual({ pending: 0, oldest: null });
    const other = (await (await t.request("/api/overview?server=2", { cookie: viewer })).json()) as OverviewResponse;
    expect(other.alerts).toEqual([]);
    // One alert by id, for links to an alert outside a listed page.
    const one = await t.request(`/api/alerts/${o.alerts[0]!.id}`, { cookie: viewer });
    expect(one.status).toBe(200);
    expect(((await one.json()) as AlertItem).id).toBe(o.alerts[0]!.id);
    expect((await t.request("/api/alerts/999999", { cookie: viewer })).status).toBe(404);
    expect((await t.request("/api/overview?server=abc", { cookie: viewer })).status).toBe(400);
    expect((await t.request("/api/overview")).status).toBe(401);
  });
});
