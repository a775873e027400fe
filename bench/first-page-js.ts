// Measures the JavaScript the browser downloads, gzip-compressed, for the pages a visitor sees
// first: the sign-in page, the shell reached by signing in, and the signed-in shell opened cold.
// It runs the built app on the real server (sandbox mode, fresh data directory), because only the
// real server answers the session probe the way production does; under `vite preview` the probe
// fails and the sign-in page is never rendered.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { BENCH_PASSWORD, launchBenchBrowser, startBuiltApp } from "./built-app";
import { reportFigure } from "./summary";

const TARGET_KIB = 115;
const app = startBuiltApp("first-page-js", 8840);
const { origin } = app;
const PASSWORD = BENCH_PASSWORD;
const dist = join(process.cwd(), "dist");

/** Every same-origin .js file the page fetches (scripts, module preloads, dynamic imports). */
function recordScripts(page: Page): Set<string> {
  const scripts = new Set<string>();
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.origin === origin && url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });
  return scripts;
}

function report(title: string, paths: Iterable<string>, target?: number): { bytes: number; files: number } {
  let total = 0;
  const rows: [string, number][] = [];
  for (const path of paths) {
    const file = join(dist, path);
    if (!existsSync(file)) continue;
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    total += size;
    rows.push([path, size]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  console.log(`\n${title}`);
  for (const [path, size] of rows) console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KiB  ${path}`);
  const goal = target ? ` (target ≤ ${target} KiB)` : "";
  console.log(`  = ${(total / 1024).toFixed(1)} KiB gzip in ${rows.length} files${goal}`);
  return { bytes: total, files: rows.length };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const browser = await launchBenchBrowser();
let signInTotal = 0;
let coldShell: { bytes: number; files: number } | null = null;
try {
  await app.ready();
  const context = await browser.newContext();

  // 1. A visitor without a session opens the app and lands on the sign-in form.
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto(`${origin}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await page.waitForLoadState("networkidle");
  const signIn = new Set(scripts);
  signInTotal = report("sign-in page (first page)", signIn, TARGET_KIB).bytes;

  // 2. They sign in: what the form submission and the landing page add.
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await page.getByRole("navigation").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const added = [...scripts].filter((s) => !signIn.has(s));
  report(`added by signing in (landing on ${new URL(page.url()).pathname})`, added);

  // 3. A signed-in user opens the app cold (new tab, session cookie present).
  const cold = await context.newPage();
  const coldScripts = recordScripts(cold);
  // The signed-in home page is the overview at `/` itself (it only adds `?period=`).
  await cold.goto(`${origin}/`);
  await cold.getByRole("navigation").first().waitFor();
  await cold.waitForLoadState("networkidle");
  await cold.waitForTimeout(500);
  coldShell = report(`signed-in shell opened cold (${new URL(cold.url()).pathname})`, coldScripts);
} finally {
  await browser.close();
  await app.stop();
}
console.log(`\nfirst page JavaScript: ${kib(signInTotal)} gzip (target ≤ ${TARGET_KIB} KiB)`);
const met = signInTotal / 1024 <= TARGET_KIB;
reportFigure({
  bench: "first-page-js",
  what: "sign-in page JavaScript",
  figure: `${kib(signInTotal)} gzip`,
  target: `≤ ${TARGET_KIB} KiB gzip`,
  met,
});
if (coldShell) {
  reportFigure({
    bench: "first-page-js",
    what: "signed-in shell opened cold",
    figure: `${kib(coldShell.bytes)} gzip in ${coldShell.files} files`,
    target: "none",
    met: null,
  });
}
// A missed target is not a failure of the bench: the summary table says what holds.
process.exit(0);
