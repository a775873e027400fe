// Shared by the event benchmarks: Mailroom in this process on a temporary SQLite store, with
// webhook credentials and a signed-in admin cookie.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/server/app";
import { createMailroomServer } from "../src/server/http/serve";
import { bootstrapAdmin } from "../src/server/auth/bootstrap-admin";
import { loadConfig } from "../src/server/config";
import { createLogger } from "../src/server/logger";
import { createServices } from "../src/server/services";
import { openStore } from "../src/server/store/index";

export const WEBHOOK_AUTH = `Basic ${Buffer.from("bench:bench-webhook-password").toString("base64")}`;
const PASSWORD = "bench-password-123";

export async function startBenchServer(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-bench-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    POSTMARK_API_URL: "http://127.0.0.1:9",
    POSTMARK_SERVER_TOKEN: "bench-server-token-0000",
    MAILROOM_SECRET: "bench-secret-0123456789",
    WEBHOOK_USERNAME: "bench",
    WEBHOOK_PASSWORD: "bench-webhook-password",
    ...env,
  });
  const store = await openStore({ kind: "sqlite", file: path.join(dataDir, "mailroom.db") });
  const logger = createLogger(() => {});
  const services = createServices({ config, store, logger });
  await bootstrapAdmin({ store, clock: services.clock, logger, adminPassword: PASSWORD });
  const app = createApp(services);
  const server = createMailroomServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  return {
    port,
    cookie,
    services,
    async close() {
      server.closeAllConnections();
      server.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** `--seconds N` on the command line, else the default. */
export function secondsFlag(fallback: number): number {
  const i = process.argv.indexOf("--seconds");
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
