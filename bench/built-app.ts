// The built app on the real server (sandbox mode, fresh data directory) for the Chromium benches:
// only the real server answers the session probe the way production does.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";

export const BENCH_PASSWORD = "bench-password-123";

export interface BuiltApp {
  origin: string;
  /** Resolves once /api/health answers; throws if the server exits or stays silent for 60 s. */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `scripts/start.mjs` on `BENCH_PORT` (default `defaultPort`) with the sandbox on the next port. */
export function startBuiltApp(bench: string, defaultPort: number): BuiltApp {
  if (!existsSync(join(process.cwd(), "dist", "index.html"))) {
    console.error(`${bench}: build the app first (npx vite build)`);
    process.exit(1);
  }
  const port = Number(process.env.BENCH_PORT ?? defaultPort);
  const sandboxPort = Number(process.env.BENCH_SANDBOX_PORT ?? port + 1);
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "mr-bench-"));
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SANDBOX_PORT: String(sandboxPort),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: BENCH_PASSWORD,
      SANDBOX_EVENTS_PER_MINUTE: "0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let serverErr = "";
  server.stderr.on("data", (d: Buffer) => (serverErr += d.toString()));

  return {
    origin,
    async ready() {
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${serverErr}`);
        try {
          if ((await fetch(`${origin}/api/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`server did not answer on ${origin} within 60 s:\n${serverErr}`);
    },
    async stop() {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium as the benches run it: the system build when present, no background traffic. */
export function launchBenchBrowser(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
