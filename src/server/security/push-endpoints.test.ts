import crypto from "node:crypto";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { NotificationPreferencesResponse } from "../../contract/api/notifications";
import { isPublicAddress } from "../push/endpoint-guard";
import { guardedTransport } from "../push/transport";
import { sqliteTestStore, type TestStore } from "../test-support/databases";
import { startFakeUpstream, type FakeUpstream } from "../test-support/fake-upstream";
import { appOnStore, upstreamHandler, type TestApp } from "../test-support/workflow-harness";

const PUBLIC = "93.184.216.34";

/** A fake DNS the test can change between registration and sending (DNS rebinding). */
function fakeDns() {
  const names = new Map<string, string>([
    ["push.example.test", PUBLIC],
    ["internal.example.test", "192.168.1.5"],
    ["metadata.example.test", "169.254.169.254"],
    ["mapped.example.test", "::ffff:127.0.0.1"],
  ]);
  const lookup = async (host: string) => {
    const address = names.get(host);
    if (!address) throw new Error("ENOTFOUND");
    return [{ address, family: net.isIP(address) }];
  };
  return { names, lookup };
}

/** A browser-like subscription: a real P-256 public key, so web-push can encrypt to it. */
function subscription(endpoint: string) {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    endpoint,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") },
  };
}

describe("web push endpoints", () => {
  let up: FakeUpstream;
  let db: TestStore & { dir: string };
  let t: TestApp;
  let dns: ReturnType<typeof fakeDns>;
  let sent: string[];
  let admin: string;
  let approver: string;
  beforeAll(async () => {
    up = await startFakeUpstream(upstreamHandler(() => null));
  });
  afterAll(async () => up.close());
  beforeEach(async () => {
    db = await sqliteTestStore();
    dns = fakeDns();
    sent = [];
    const spy: typeof fetch = async (input) => {
      sent.push(String(input));
      return new Response(null, { status: 201 });
    };
    t = await appOnStore({
      store: db.store,
      dir: db.dir,
      upstreamUrl: up.url,
      push: { lookup: dns.lookup, fetch: spy, intakeAlertEveryMs: 0 },
    });
    admin = await t.login();
    approver = await t.addUser("alice", "approver");
  });
  afterEach(async () => {
    await t.services.notifier.idle();
    await db.cleanup();
  });

  const register = (cookie: string, endpoint: string) =>
    t.request("/api/push/subscriptions", { method: "POST", cookie, json: subscription(endpoint) });

  const refused = [
    "https://127.0.0.1:8443/push/x",
    "https://localhost/push/x",
    "https://[::1]/push/x",
    "https://[::ffff:127.0.0.1]/push/x",
    "https://[::ffff:a9fe:a9fe]/push/x",
    "https://169.254.169.254/latest/meta-data",
    "https://10.1.2.3/push",
    "https://172.20.0.1/push",
    "https://192.168.0.10/push",
    "https://100.64.0.1/push",
    "https://[fe80::1]/push",
    "https://[fd12:3456::1]/push",
    "https://internal.example.test/push",
    "https://metadata.example.test/push",
    "https://mapped.example.test/push",
    "https://nowhere.example.test/push",
    "http://push.example.test/push",
    "https://user:pw@push.example.test/push",
  ];
  it("refuses loopback, private, link-local, CGNAT, metadata, IPv6 and IPv4-mapped addresses, http and credentials at registration", async () => {
    for (const endpoint of refused) {
      const res = await register(approver, endpoint);
      expect([endpoint, res.status]).toEqual([endpoint, 400]);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /does not send notifications to this endpoint/,
      );
    }
    const prefs = (await (
      await t.request("/api/notifications/preferences", { cookie: approver })
    ).json()) as NotificationPreferencesResponse;
    expect(prefs.subscriptions).toBe(0);
  });

  it("accepts an https endpoint on a public address", async () => {
    expect((await register(approver, "https://push.example.test/push/alice")).status).toBe(201);
  });

  it("refuses to hand another user's endpoint over (409) and leaves it with its owner", async () => {
    expect((await register(admin, "https://push.example.test/push/admin")).status).toBe(201);
    const res = await register(approver, "https://push.example.test/push/admin");
    expect(res.status).toBe(409);
    const mine = (await (
      await t.request("/api/notifications/preferences", { cookie: admin })
    ).json()) as NotificationPreferencesResponse;
    const theirs = (await (
      await t.request("/api/notifications/preferences", { cookie: approver })
    ).json()) as NotificationPreferencesResponse;
    expect([mine.subscriptions, theirs.subscriptions]).toEqual([1, 0]);
    // The owner re-subscribing the same endpoint (new keys) is fine.
    expect((await register(admin, "https://push.example.test/push/admin")).status).toBe(201);
  });

  it("checks the address again at send time: a name rebound to loopback gets nothing", async () => {
    expect((await register(admin, "https://push.example.test/push/admin")).status).toBe(201);
    t.services.notifier.intakeRefused("198.51.100.1", "wrong password");
    await t.services.notifier.idle();
    expect(sent).toEqual(["https://push.example.test/push/admin"]);

    dns.names.set("push.example.test", "127.0.0.1");
    t.services.notifier.intakeRefused("198.51.100.1", "wrong password");
    await t.services.notifier.idle();
    expect(sent).toHaveLength(1);
    expect(t.logger.lines.some((l) => l.includes("not a public https address") && l.includes("127.0.0.1"))).toBe(true);
  });
});

describe("guarded push transport", () => {
  it("connects only through the public-address check, so a name that rebinds between check and connect is refused", async () => {
    let connections = 0;
    const local = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => local.listen(0, "127.0.0.1", r));
    const port = (local.address() as AddressInfo).port;
    let lookups = 0;
    // Public for the check, loopback for the socket's own lookup.
    const transport = guardedTransport({
      lookup: async () => (lookups++ === 0 ? [{ address: PUBLIC, family: 4 }] : [{ address: "127.0.0.1", family: 4 }]),
    });
    const err = await transport(`https://rebind.example.test:${port}/push`, {
      method: "POST",
      headers: {},
      body: new Uint8Array(1),
      timeoutMs: 2_000,
    }).catch((e: NodeJS.ErrnoException) => e);
    await new Promise<void>((r) => local.close(() => r()));
    expect((err as NodeJS.ErrnoException).code).toBe("EPUSHREFUSED");
    expect(lookups).toBe(2);
    expect(connections).toBe(0);
  });

  it("judges IPv4-mapped and embedded addresses by their IPv4 part", () => {
    expect(["8.8.8.8", "::ffff:8.8.8.8", "2606:4700:4700::1111"].map(isPublicAddress)).toEqual([true, true, true]);
    expect(
      [
        "::ffff:7f00:1",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "64:ff9b::7f00:1",
        "2002:7f00:1::1",
        "0.0.0.0",
        "100.127.255.255",
        "fe80::1%eth0",
      ].map(isPublicAddress),
    ).toEqual(Array(8).fill(false));
  });
});
