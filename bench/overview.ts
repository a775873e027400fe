// Overview (the home page, `/`) first render time, signed in, against the sandbox: from the start
// of navigation until the tiles show data (today's sends with their verdicts, and the approvals,
// runs and webhooks tiles), in Chromium, on the built app served by the real server. Prints
// p50/p99 with a cold browser cache (a new tab in a fresh profile that only has the session
// cookie) and with a warm one (the same profile, reloaded). Target: ≤ 300 ms to data.
import type { BrowserContext, Request } from "@playwright/test";
import { BENCH_PASSWORD, launchBenchBrowser, startBuiltApp } from "./built-app";
import { reportFigure } from "./summary";

const TARGET_MS = 300;
const COLD = Number(process.env.BENCH_COLD ?? 10);
const WARM = Number(process.env.BENCH_WARM ?? 30);
const app = startBuiltApp("overview", 8850);
const { origin } = app;
const PASSWORD = BENCH_PASSWORD;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

/** Where the time goes: the shell's first frame, and each overview API call's duration. */
const parts = { shell: [] as number[], api: new Map<string, number[]>() };

/** Milliseconds from navigation start to the first frame where every data tile has its numbers. */
async function timeToData(
  context: BrowserContext,
  reuse?: Awaited<ReturnType<BrowserContext["newPage"]>>,
): Promise<number> {
  const page = reuse ?? (await context.newPage());
  const api = new Map<string, number>();
  const onFinished = (req: Request) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith("/api/overview")) api.set(url.pathname, req.timing().responseEnd);
  };
  page.on("requestfinished", onFinished);
  await page.goto(`${origin}/`, { waitUntil: "commit" });
  const shell = await page.waitForFunction(
    () => (document.querySelector("h1") ? performance.now() : false),
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  const handle = await page.waitForFunction(
    () => {
      const ready = [
        "sends-today",
        "verdict-bounce-today",
        "verdict-spam-today",
        "approvals-pending",
        "tile-runs",
        "tile-webhooks",
      ].every((id) => document.querySelector(`[data-testid="${id}"]`));
      return ready ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  const ms = Number(await handle.jsonValue());
  page.off("requestfinished", onFinished);
  parts.shell.push(Number(await shell.jsonValue()));
  for (const [path, t] of api) parts.api.set(path, [...(parts.api.get(path) ?? []), t]);
  if (!reuse) await page.close();
  return ms;
}

const browser = await launchBenchBrowser();
try {
  await app.ready();
  // Sign in once; every measured context starts from this session cookie.
  const login = await browser.newContext();
  const page = await login.newPage();
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  const state = await login.storageState();
  // One unmeasured load: the server's first Postmark (sandbox) calls and connection setup.
  await timeToData(login, page);
  parts.shell.length = 0;
  parts.api.clear();
  await login.close();

  const cold: number[] = [];
  for (let i = 0; i < COLD; i++) {
    const ctx = await browser.newContext({ storageState: state });
    cold.push(await timeToData(ctx));
    await ctx.close();
  }
  const warm: number[] = [];
  const ctx = await browser.newContext({ storageState: state });
  const tab = await ctx.newPage();
  await timeToData(ctx, tab);
  for (let i = 0; i < WARM; i++) warm.push(await timeToData(ctx, tab));
  await ctx.close();

  const row = (name: string, v: number[]) =>
    `  ${name.padEnd(38)} p50 ${pct(v, 50).toFixed(0).padStart(5)} ms   p99 ${pct(v, 99).toFixed(0).padStart(5)} ms   (${v.length} loads)`;
  console.log(`\noverview first render to data, signed in (target ≤ ${TARGET_MS} ms)`);
  console.log(row("cold cache (new profile)", cold));
  console.log(row("warm cache (same tab)", warm));
  console.log("  where the time goes (every load, warm-up included):");
  console.log(row("page heading shown", parts.shell));
  for (const [path, v] of [...parts.api].sort()) console.log(row(`${path} (request)`, v));
  for (const [what, v] of [
    ["overview, warm (same tab)", warm],
    ["overview, cold (new profile)", cold],
  ] as const) {
    reportFigure({
      bench: "overview",
      what,
      figure: `p50 ${Math.round(pct(v, 50))} / p99 ${Math.round(pct(v, 99))} ms`,
      target: `p50 ≤ ${TARGET_MS} ms`,
      met: pct(v, 50) <= TARGET_MS,
    });
  }
} finally {
  await browser.close();
  await app.stop();
}
