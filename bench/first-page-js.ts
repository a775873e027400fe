// Measures the JavaScript the first page (sign-in) makes the browser download, gzip-compressed,
// by loading the built app in Chromium and summing every script it fetched.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { preview } from "vite";

const TARGET_KIB = 130;
const dist = join(process.cwd(), "dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error("first-page-js: build the app first (npm run build)");
  process.exit(1);
}

const server = await preview({ preview: { port: 0, host: "127.0.0.1" }, logLevel: "silent" });
const url = server.resolvedUrls?.local[0] ?? "http://127.0.0.1:4173/";
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  const scripts = new Set<string>();
  page.on("request", (req) => {
    if (req.resourceType() === "script") scripts.add(new URL(req.url()).pathname);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  let total = 0;
  const rows: [string, number][] = [];
  for (const path of scripts) {
    const file = join(dist, path);
    if (!existsSync(file)) continue;
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    total += size;
    rows.push([path, size]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  for (const [path, size] of rows) console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KiB  ${path}`);
  console.log(`first page JavaScript: ${(total / 1024).toFixed(1)} KiB gzip in ${rows.length} files (target ≤ ${TARGET_KIB} KiB)`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
