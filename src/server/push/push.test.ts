import crypto from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  NotificationPreferencesResponse,
  PushPayload,
  VapidPublicKeyResponse,
} from "../../contract/api/notifications";
import type { ApprovalItem, ApprovalLinkView } from "../../contract/api/approvals";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
import { sqliteTestStore, type TestStore } from "../test-support/databases";
import {
  appOnStore,
  bouncePayload,
  suppressDoc,
  until,
  upstreamHandler,
  type TestApp,
} from "../test-support/workflow-harness";

interface PushHit {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Stands in for a browser vendor's push service: records each POST and answers `status`. */
async function startPushService() {
  const hits: PushHit[] = [];
  let status = 201;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    answer: (s: number) => void (status = s),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

// web-push's own dependency, used here the way a browser decrypts (it has no type declarations).
const ece = createRequire(import.meta.url)("http_ece") as {
  decrypt(body: Buffer, o: { version: string; privateKey: crypto.ECDH; authSecret: string }): Buffer;
};
const browsers = new Map<string, { ecdh: crypto.ECDH; auth: string }>();

/** A browser-like subscription: a real P-256 key pair and auth secret, so web-push can encrypt to it. */
function browserSubscription(endpoint: string) {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16).toString("base64url");
  browsers.set(new URL(endpoint).pathname, { ecdh, auth });
  return { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth } };
}

/** Decrypts a push as the subscribed browser would. */
function decrypt(hit: PushHit): PushPayload {
  const b = browsers.get(hit.url)!;
  return JSON.parse(
    ece.decrypt(hit.body, { version: "aes128gcm", privateKey: b.ecdh, authSecret: b.auth }).toString("utf8"),
  ) as PushPayload;
}

describe("web push", () => {
  let up: FakeUpstream;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let db: TestStore & { dir: string };
  let t: TestApp;
  let admin: string;
  let approver: string;
  let viewer: string;

  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(() => null));
    push = await startPushService();
  });
  afterAll(async () => {
    await up.close();
    await push.close();
  });
  beforeEach(async () => {
    push.hits.length = 0;
    push.answer(201);
    db = await sqliteTestStore();
    t = await appOnStore({
      store: db.store,
      dir: db.dir,
      upstreamUrl: up.url,
      push: { allowEndpointOrigins: [push.base] },
    });
    admin = await t.login();
    approver = await t.addUser("alice", "approver");
    viewer = await t.addUser("victor", "viewer");
    await t.engine.start((l) => t.services.events.bus.subscribe(l));
  });
  afterEach(async () => {
    await t.engine.stop();
    await t.services.notifier.idle();
    await db.cleanup();
  });

  const subscribe = async (cookie: string, name: string) => {
    const sub = browserSubscription(`${push.base}/push/${name}`);
    const res = await t.request("/api/push/subscriptions", { method: "POST", cookie, json: sub });
    expect(res.status).toBe(201);
    return sub;
  };
  async function parkOne(): Promise<ApprovalItem> {
    const res = await t.request("/api/workflows", {
      method: "POST",
      cookie: admin,
      json: suppressDoc({}, { approval: "required" }),
    });
    const { id } = (await res.json()) as { id: number };
    await t.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin });
    t.publish(1, "bounce", bouncePayload());
    return until(
      async () =>
        ((await (await t.request("/api/approvals", { cookie: viewer })).json()) as { approvals: ApprovalItem[] })
          .approvals[0],
    );
  }

  it("generates VAPID keys once and keeps them", async () => {
    const a = (await (
      await t.request("/api/push/vapid-public-key", { cookie: viewer })
    ).json()) as VapidPublicKeyResponse;
    expect(a.enabled).toBe(true);
    expect(Buffer.from(a.publicKey!, "base64url")).toHaveLength(65);
    const again = await appOnStore({ store: db.store, dir: db.dir, upstreamUrl: up.url, bootstrap: false });
    const b = (await (
      await again.request("/api/push/vapid-public-key", { cookie: viewer })
    ).json()) as VapidPublicKeyResponse;
    expect(b.publicKey).toBe(a.publicKey);
    const stored = await db.store.settings.get("push.vapid.privateKey");
    expect(stored).toMatch(/^v1:/);
  });

  it("saves subscriptions per user, deduplicated by endpoint, refuses http endpoints in production, and deletes them", async () => {
    const sub = await subscribe(approver, "a1");
    await t.request("/api/push/subscriptions", { method: "POST", cookie: approver, json: sub });
    const prefs = (await (
      await t.request("/api/notifications/preferences", { cookie: approver })
    ).json()) as NotificationPreferencesResponse;
    expect(prefs).toEqual({
      preferences: { approvals: true, runFailures: false, intakeAlerts: false, healthAlerts: false },
      subscriptions: 1,
      pushEnabled: true,
    });
    const prod = await appOnStore({ store: db.store, dir: db.dir, upstreamUrl: up.url, bootstrap: false });
    expect(
      (
        await prod.request("/api/push/subscriptions", {
          method: "POST",
          cookie: approver,
          json: browserSubscription("http://10.0.0.1/x"),
        })
      ).status,
    ).toBe(400);
    const del = await t.request("/api/push/subscriptions", {
      method: "DELETE",
      cookie: approver,
      json: { endpoint: sub.endpoint },
    });
    expect(await del.json()).toEqual({ ok: true, subscriptions: 0 });
  });

  it("pushes an encrypted, VAPID-signed notification with TTL to approvers when an item is queued; viewers get none", async () => {
    await subscribe(approver, "alice");
    await subscribe(viewer, "victor");
    const item = await parkOne();
    await until(async () => push.hits.length >= 1);
    await t.services.notifier.idle();
    expect(push.hits.map((h) => h.url)).toEqual(["/push/alice"]);
    const hit = push.hits[0]!;
    const { publicKey } = (await (
      await t.request("/api/push/vapid-public-key", { cookie: viewer })
    ).json()) as VapidPublicKeyResponse;
    expect(hit.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`));
    expect(Number(hit.headers.ttl)).toBeGreaterThan(3600);
    expect(hit.headers.urgency).toBe("high");
    expect(hit.headers["content-encoding"]).toBe("aes128gcm");
    expect(hit.body.length).toBeGreaterThan(86);
    // Encrypted: the plain payload is not readable on the wire.
    expect(hit.body.toString("latin1")).not.toContain(`/approvals/${item.id}`);
    const jwt = JSON.parse(
      Buffer.from(String(hit.headers.authorization).split(" ")[1]!.split(".")[1]!, "base64url").toString(),
    ) as { aud: string };
    expect(jwt.aud).toBe(push.base);
    const payload = decrypt(hit);
    expect(payload).toMatchObject({
      kind: "approval",
      url: `/approvals/${item.id}`,
      tag: `approval-${item.id}`,
      title: expect.stringMatching(/^Approval needed: /),
    });
    // The signed link in the notification approves for its recipient, and only once.
    const token = payload.approveUrl!.replace("/approve/", "");
    expect((await t.request(`/api/approval-links/${token}/approve`, { method: "POST", cookie: admin })).status).toBe(
      403,
    );
    const res = await t.request(`/api/approval-links/${token}/approve`, { method: "POST", cookie: approver });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ executed: true, approval: { status: "approved", decidedBy: "alice" } });
    expect((await t.request(`/api/approval-links/${token}/approve`, { method: "POST", cookie: approver })).status).toBe(
      410,
    );
  });

  it("notifies again for an edited item, saying it was edited, never its editor; the new link shows the edit", async () => {
    const operator = await t.addUser("olga", "operator");
    await subscribe(approver, "alice");
    await subscribe(operator, "olga");
    const item = await parkOne();
    await until(async () => push.hits.length >= 2);
    await t.services.notifier.idle();
    const before = push.hits.find((h) => h.url === "/push/alice")!;
    const oldToken = decrypt(before).approveUrl!.replace("/approve/", "");
    push.hits.length = 0;

    const edit = {
      params: { streamId: "outbound" },
      body: { Suppressions: [{ EmailAddress: "edited@example.com" }] },
    };
    const res = await t.request(`/api/approvals/${item.id}/approve`, { method: "POST", cookie: operator, json: edit });
    expect(res.status).toBe(200);
    await until(async () => push.hits.length >= 1);
    await t.services.notifier.idle();
    // The editor may not approve their own edit, so only the other approver hears of it.
    expect(push.hits.map((h) => h.url)).toEqual(["/push/alice"]);
    const payload = decrypt(push.hits[0]!);
    expect(payload).toMatchObject({
      kind: "approval",
      url: `/approvals/${item.id}`,
      title: "Edited, approval needed: Add addresses to suppression list",
      body: expect.stringMatching(/^olga edited what Suppress hard bounces wants to POST /),
    });

    // A link made after the edit shows the edited request and its diff; one made before is void.
    const token = payload.approveUrl!.replace("/approve/", "");
    const view = (await (
      await t.request(`/api/approval-links/${token}`, { cookie: approver })
    ).json()) as ApprovalLinkView;
    expect(view).toMatchObject({
      canDecide: true,
      approval: {
        edited: true,
        request: { body: edit.body },
        edit: {
          by: "olga",
          original: { body: { Suppressions: [{ EmailAddress: "john@example.com" }] } },
          changes: [
            {
              path: "body.Suppressions[0].EmailAddress",
              kind: "changed",
              before: "john@example.com",
              after: "edited@example.com",
            },
          ],
        },
      },
    });
    expect(
      (await t.request(`/api/approval-links/${oldToken}/approve`, { method: "POST", cookie: approver })).status,
    ).toBe(410);
    const approved = await t.request(`/api/approval-links/${token}/approve`, { method: "POST", cookie: approver });
    expect(await approved.json()).toMatchObject({ executed: true, approval: { status: "approved" } });
  });

  it("removes a subscription the push service answers 410 for", async () => {
    await subscribe(approver, "gone");
    push.answer(410);
    await parkOne();
    await until(async () => push.hits.length >= 1);
    await t.services.notifier.idle();
    const prefs = (await (
      await t.request("/api/notifications/preferences", { cookie: approver })
    ).json()) as NotificationPreferencesResponse;
    expect(prefs.subscriptions).toBe(0);
  });

  it("respects preferences", async () => {
    await subscribe(approver, "quiet");
    const res = await t.request("/api/notifications/preferences", {
      method: "PUT",
      cookie: approver,
      json: { approvals: false, runFailures: false, intakeAlerts: false },
    });
    expect(((await res.json()) as NotificationPreferencesResponse).preferences.approvals).toBe(false);
    expect(
      (
        await t.request("/api/notifications/preferences", {
          method: "PUT",
          cookie: approver,
          json: { approvals: "yes" },
        })
      ).status,
    ).toBe(400);
    await parkOne();
    await t.services.notifier.idle();
    await new Promise((r) => setTimeout(r, 100));
    await t.services.notifier.idle();
    expect(push.hits).toHaveLength(0);
  });

  it("alerts admins when the webhook intake refuses credentials, at most once per interval", async () => {
    await subscribe(admin, "admin");
    await subscribe(approver, "alice");
    for (let i = 0; i < 3; i++)
      expect(
        (
          await t.request("/webhooks/postmark", {
            method: "POST",
            headers: { authorization: "Basic eDp5" },
            json: bouncePayload(),
          })
        ).status,
      ).toBe(401);
    await t.services.notifier.idle();
    expect(push.hits.map((h) => h.url)).toEqual(["/push/admin"]);
    expect(push.hits[0]!.headers.topic).toBe("intake-refusing");
    t.clock.advance(10 * 60_000 + 1);
    await t.request("/webhooks/postmark", {
      method: "POST",
      headers: { authorization: "Basic eDp5" },
      json: bouncePayload(),
    });
    await t.services.notifier.idle();
    expect(push.hits).toHaveLength(2);
  });

  it("alerts operators and admins when a workflow run fails", async () => {
    await subscribe(admin, "admin");
    up.reply(
      upstreamHandler((r) =>
        r.url.includes("suppressions") ? { status: 422, body: { ErrorCode: 300, Message: "Invalid" } } : null,
      ),
    );
    const res = await t.request("/api/workflows", { method: "POST", cookie: admin, json: suppressDoc() });
    const { id } = (await res.json()) as { id: number };
    await t.request(`/api/workflows/${id}/enable`, { method: "POST", cookie: admin });
    t.publish(1, "bounce", bouncePayload());
    await until(async () => push.hits.length >= 1);
    expect(push.hits[0]!.url).toBe("/push/admin");
    up.reply(upstreamHandler(() => null));
  });

  it("does nothing with PUSH_DISABLED", async () => {
    const off = await appOnStore({
      store: db.store,
      dir: db.dir,
      upstreamUrl: up.url,
      bootstrap: false,
      env: { PUSH_DISABLED: "1" },
      push: { allowEndpointOrigins: [push.base] },
    });
    expect(await (await off.request("/api/push/vapid-public-key", { cookie: viewer })).json()).toEqual({
      enabled: false,
      publicKey: null,
    });
    off.services.notifier.intakeRefused("1.2.3.4", "wrong password");
    await off.services.notifier.idle();
    expect(push.hits).toHaveLength(0);
  });
});
