// Test helpers for workflows and approvals: an app on a given store with a fake Postmark, and
// workflow documents. Not a test file; imported by *.test.ts beside it.
import { createApp } from "../app";
import { bootstrapAdmin } from "../auth/bootstrap-admin";
import { hashPassword } from "../auth/password";
import { loadConfig } from "../config";
import type { FeedEvent } from "../../contract/api/events";
import type { Role } from "../../contract/api/auth";
import { createMemoryLogger } from "../logger";
import { createServices, type ServiceDeps } from "../services";
import type { Store } from "../store/index";
import { ADMIN_PASSWORD, testClock } from "./harness";
import { postmarkLike, type Reply, type Seen } from "./fake-upstream";
import type { EngineOptions } from "../workflows/engine";
import { busEvent } from "../events/bus";
import { eventRow } from "../events/event-row";

export const ACCOUNT = "acct-token";
export const SERVERS = [
  { id: 1, name: "Main", token: "srv-1" },
  { id: 2, name: "Other", token: "srv-2" },
];

/** The fake upstream's answers: Postmark-like for discovery, `custom` first for everything else. */
export function upstreamHandler(custom: (req: Seen) => Reply | null | undefined) {
  const base = postmarkLike({ accountToken: ACCOUNT, servers: SERVERS });
  return (req: Seen): Reply => (req.url.startsWith("/servers") ? base(req) : (custom(req) ?? base(req)));
}

/** Calls that are Postmark work, not Mailroom's own server discovery. */
export const workCalls = (seen: Seen[]) => seen.filter((s) => !s.url.startsWith("/servers") && s.url !== "/server");

export interface AppOnStoreOptions {
  store: Store;
  dir: string;
  upstreamUrl: string;
  engine?: Partial<EngineOptions>;
  clock?: ReturnType<typeof testClock>;
  bootstrap?: boolean;
  /** Environment overrides (e.g. the sandbox's tokens). */
  env?: Record<string, string>;
  /** Web Push overrides (a local push endpoint over http). */
  push?: ServiceDeps["push"];
  linkRateLimit?: ServiceDeps["linkRateLimit"];
}

/** An app with its services on an existing store (a second one on the same store is a "restart"). */
export async function appOnStore(o: AppOnStoreOptions) {
  const config = loadConfig({
    DATA_DIR: o.dir,
    MAILROOM_SECRET: "test-secret-0123456789",
    POSTMARK_API_URL: o.upstreamUrl,
    POSTMARK_ACCOUNT_TOKEN: ACCOUNT,
    POSTMARK_SERVER_TOKEN: "srv-1",
    ...o.env,
  });
  const logger = createMemoryLogger();
  const clock = o.clock ?? testClock(Date.now());
  const services = createServices({
    config,
    store: o.store,
    logger,
    clock,
    version: "test",
    engine: { sleep: async () => {}, random: () => 0.5, pollMs: 60_000, ...o.engine },
    push: o.push,
    linkRateLimit: o.linkRateLimit,
  });
  if (o.bootstrap !== false) await bootstrapAdmin({ store: o.store, clock, logger, adminPassword: ADMIN_PASSWORD });
  const app = createApp(services, { logRequests: false });

  const request = (path: string, init: RequestInit & { cookie?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set("cookie", init.cookie);
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    if (body !== undefined) headers.set("content-type", "application/json");
    return app.request(path, { ...init, body, headers });
  };
  async function login(username = "admin", password = ADMIN_PASSWORD): Promise<string> {
    const res = await request("/api/auth/login", { method: "POST", json: { username, password } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  }
  async function addUser(username: string, role: Role) {
    const password = `${username}-password-1`;
    await o.store.users.create({
      username,
      role,
      passwordHash: await hashPassword(password),
      now: new Date(clock()).toISOString(),
    });
    return login(username, password);
  }
  /** Publishes a stored-looking event on the bus, as the intake does after commit. */
  function publish(id: number, trigger: FeedEvent["trigger"], payload: Record<string, unknown>) {
    const serverId = typeof payload.ServerID === "number" ? payload.ServerID : null;
    const row = eventRow({
      trigger,
      payload,
      raw: JSON.stringify(payload),
      serverId,
      receivedAt: new Date(clock()).toISOString(),
      dedupeKey: `harness:${id}`,
      test: false,
      problem: null,
    });
    services.events.bus.publish(busEvent({ ...row, id }, payload));
  }
  return { app, services, clock, logger, request, login, addUser, publish, engine: services.workflows.engine };
}
export type TestApp = Awaited<ReturnType<typeof appOnStore>>;

/** Polls until `check` passes (engine work is asynchronous after an event). */
export async function until<T>(check: () => Promise<T | null | undefined | false>, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const bouncePayload = (over: Record<string, unknown> = {}) => ({
  RecordType: "Bounce",
  MessageStream: "outbound",
  ID: 692560173,
  Type: "HardBounce",
  TypeCode: 1,
  ServerID: 1,
  Email: "John@Example.com",
  From: "sender@example.com",
  BouncedAt: "2019-11-05T16:33:54Z",
  CanActivate: true,
  Inactive: true,
  ...over,
});

const map = (path: string, from = "trigger") => ({ $map: { from, path } });

/** One step: suppress the bounced address on outbound. */
export function suppressDoc(over: Record<string, unknown> = {}, step: Record<string, unknown> = {}) {
  return {
    version: 1,
    name: "Suppress hard bounces",
    trigger: {
      type: "bounce",
      conditions: { mode: "all", rules: [{ field: "Type", op: "equals", value: "HardBounce" }] },
    },
    steps: [
      {
        id: "suppress",
        kind: "action",
        operationId: "suppressions.create",
        params: { streamId: "outbound" },
        body: {
          Suppressions: [
            { EmailAddress: { $map: { from: "trigger", path: "Email", transforms: [{ type: "lowerCase" }] } } },
          ],
        },
        approval: "auto",
        ...step,
      },
    ],
    ...over,
  };
}

export { map };
