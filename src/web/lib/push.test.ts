import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { server } from "@/web/test/msw";
import { disablePush, enablePush, pushSupport, PushSetupError, urlBase64ToUint8Array } from "./push";

const KEY = "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U";

function fakeSubscription(endpoint = "https://push.example/abc") {
  return {
    endpoint,
    options: { applicationServerKey: urlBase64ToUint8Array(KEY).buffer },
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: "p", auth: "a" } }),
    unsubscribe: vi.fn(async () => true),
  };
}

function install(
  opts: { permission?: NotificationPermission; existing?: ReturnType<typeof fakeSubscription> | null } = {},
) {
  let current = opts.existing ?? null;
  const pushManager = {
    getSubscription: vi.fn(async () => current),
    subscribe: vi.fn(async () => (current = fakeSubscription())),
  };
  const reg = { pushManager };
  const sw = {
    getRegistration: vi.fn(async () => reg),
    register: vi.fn(async () => reg),
    ready: Promise.resolve(reg),
  };
  Object.defineProperty(navigator, "serviceWorker", { value: sw, configurable: true });
  vi.stubGlobal("PushManager", function PushManager() {});
  vi.stubGlobal("Notification", { requestPermission: vi.fn(async () => opts.permission ?? "granted") });
  return { pushManager, sw };
}

describe("push subscription", () => {
  beforeEach(() => {
    server.use(http.get("/api/push/vapid-public-key", () => HttpResponse.json({ enabled: true, publicKey: KEY })));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, "serviceWorker");
  });

  it("says why a browser without push cannot subscribe", () => {
    expect(pushSupport({ navigator: {} as Navigator, window: {} as typeof globalThis })).toMatchObject({
      supported: false,
    });
    const iphone = { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)", serviceWorker: {} } as unknown as Navigator;
    const r = pushSupport({ navigator: iphone, window: {} as typeof globalThis });
    expect(r.supported).toBe(false);
    if (!r.supported) expect(r.reason).toMatch(/Home Screen/);
  });

  it("asks permission, subscribes with the VAPID key and posts the subscription", async () => {
    const { pushManager } = install();
    const posted: unknown[] = [];
    server.use(
      http.post("/api/push/subscriptions", async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json({ ok: true, subscriptions: 1 });
      }),
    );
    const sub = await enablePush();
    expect(sub.endpoint).toBe("https://push.example/abc");
    expect(pushManager.subscribe).toHaveBeenCalledTimes(1);
    const arg = pushManager.subscribe.mock.calls[0] as unknown as [PushSubscriptionOptionsInit];
    expect(arg[0].userVisibleOnly).toBe(true);
    expect(Array.from(arg[0].applicationServerKey as Uint8Array)).toEqual(Array.from(urlBase64ToUint8Array(KEY)));
    expect(posted).toEqual([
      { endpoint: "https://push.example/abc", expirationTime: null, keys: { p256dh: "p", auth: "a" } },
    ]);
  });

  it("reuses an existing subscription made with the same key", async () => {
    const { pushManager } = install({ existing: fakeSubscription("https://push.example/old") });
    server.use(http.post("/api/push/subscriptions", () => HttpResponse.json({ ok: true, subscriptions: 1 })));
    const sub = await enablePush();
    expect(sub.endpoint).toBe("https://push.example/old");
    expect(pushManager.subscribe).not.toHaveBeenCalled();
  });

  it("stops with a clear reason when permission is denied, without subscribing", async () => {
    const { pushManager } = install({ permission: "denied" });
    await expect(enablePush()).rejects.toMatchObject({ reason: "denied" });
    await expect(enablePush()).rejects.toBeInstanceOf(PushSetupError);
    expect(pushManager.subscribe).not.toHaveBeenCalled();
  });

  it("reports a server with push turned off", async () => {
    install();
    server.use(http.get("/api/push/vapid-public-key", () => HttpResponse.json({ enabled: false, publicKey: null })));
    await expect(enablePush()).rejects.toMatchObject({ reason: "disabled" });
  });

  it("disabling deletes the subscription on the server, then unsubscribes", async () => {
    const existing = fakeSubscription();
    install({ existing });
    const deleted: unknown[] = [];
    server.use(
      http.delete("/api/push/subscriptions", async ({ request }) => {
        deleted.push(await request.json());
        return HttpResponse.json({ ok: true, subscriptions: 0 });
      }),
    );
    await disablePush();
    expect(deleted).toEqual([{ endpoint: existing.endpoint }]);
    expect(existing.unsubscribe).toHaveBeenCalled();
  });
});
