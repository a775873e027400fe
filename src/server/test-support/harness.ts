import { bootstrapAdmin } from "../auth/bootstrap-admin";
import { hashPassword } from "../auth/password";
import { createApp } from "../app";
import { loadConfig, type Config } from "../config";
import { createMemoryLogger } from "../logger";
import type { SandboxHandle } from "../proxy/connection";
import { createServices, type ServiceDeps, type Services } from "../services";
import type { Role } from "../../contract/api/auth";
import { sqliteTestStore } from "./databases";
import type { SandboxEventHook } from "../events/test-events";

export const ADMIN_PASSWORD = "admin-password-123";

/** A settable clock for timeout tests. */
export function testClock(start = Date.parse("2030-01-01T00:00:00Z")) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, { advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) });
}

export interface HarnessOptions {
  env?: Record<string, string>;
  sandbox?: SandboxHandle & Partial<SandboxEventHook>;
  /** Job worker overrides (sleep, lease, poll). */
  jobs?: ServiceDeps["jobs"];
}

/** An app on a temporary SQLite store with an admin, in-process; call `cleanup` after. */
export async function createHarness(opts: HarnessOptions = {}) {
  const db = await sqliteTestStore();
  const config: Config = loadConfig({ DATA_DIR: db.dir, MAILROOM_SECRET: "test-secret-0123456789", ...opts.env });
  const logger = createMemoryLogger();
  const clock = testClock();
  const services: Services = createServices({
    config,
    store: db.store,
    logger,
    clock,
    sandbox: opts.sandbox ? async () => opts.sandbox! : undefined,
    version: "test",
    jobs: opts.jobs,
  });
  await bootstrapAdmin({ store: db.store, clock, logger, adminPassword: ADMIN_PASSWORD });
  const app = createApp(services);

  const request = (path: string, init: RequestInit & { cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set("cookie", init.cookie);
    if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    return app.request(path, { ...init, headers });
  };

  async function login(username = "admin", password = ADMIN_PASSWORD): Promise<string> {
    const res = await request("/api/auth/login", { method: "POST", body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const set = res.headers.get("set-cookie") ?? "";
    return set.split(";")[0]!;
  }

  async function addUser(username: string, role: Role, password = `${username}-password-1`) {
    await db.store.users.create({
      username,
      role,
      passwordHash: await hashPassword(password),
      now: new Date(clock()).toISOString(),
    });
    return login(username, password);
  }

  return {
    app,
    services,
    config,
    logger,
    clock,
    store: db.store,
    dir: db.dir,
    request,
    login,
    addUser,
    cleanup: db.cleanup,
  };
}
export type Harness = Awaited<ReturnType<typeof createHarness>>;
