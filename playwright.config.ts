import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when present (the only browser these machines can get), else Playwright's own.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find(
  (p): p is string => !!p && fs.existsSync(p),
);
const launchOptions = {
  executablePath: systemChromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

// Ports can be moved so that several suites (or a dev server) can run side by side.
const PORT = Number(process.env.E2E_PORT ?? 8790);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? PORT + 1);
// A fresh data directory per run: the suite never depends on what an earlier run left behind.
const dataDir = path.join("e2e", ".data", `run-${Date.now()}`);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server logs every request; show them only when asked (E2E_SERVER_LOG=1).
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      SANDBOX_PORT: String(SANDBOX_PORT),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password-1",
      SANDBOX_EVENTS_PER_MINUTE: "0",
      // Tests reuse recipients across projects; a chance hard bounce would suppress one mid-suite.
      SANDBOX_RANDOM_BOUNCES: "0",
      // Server 1 then holds 12,000 messages, so an export must walk past Postmark's 10,000-row ceiling.
      SANDBOX_HISTORY_MESSAGES: "24000",
      // Jobs pace their Postmark writes, so a bulk run is still going when its page is reloaded.
      JOBS_THROTTLE_MS: "50",
      JOBS_WRITE_THROTTLE_MS: "2000",
      // The overview spec's local push service (http, loopback) on a port of its own (see e2e/overview.spec.ts).
      PUSH_ALLOW_ENDPOINT_ORIGINS: `http://127.0.0.1:${Number(process.env.E2E_PUSH_PORT ?? PORT + 2)}`,
    },
  },
});
