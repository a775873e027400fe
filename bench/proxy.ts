// Proxy benchmark: latency Mailroom's proxy adds over calling the upstream directly (p50/p99 at
// a fixed 200 req/s), then proxied throughput against the upstream's own, measured in alternating
// one-second rounds so that both see the same machine (other work on it moves both alike).
// Prints figures; asserts nothing. The upstream and Mailroom run in this process; the load
// generator runs in a worker thread so it does not steal the server's event loop.
// `--profile` also profiles the main thread during the throughput rounds (bench/out/proxy.cpuprofile)
// and prints where its time went.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createApp } from "../src/server/app";
import { createMailroomServer } from "../src/server/http/serve";
import { bootstrapAdmin } from "../src/server/auth/bootstrap-admin";
import { loadConfig } from "../src/server/config";
import { createLogger } from "../src/server/logger";
import { createServices } from "../src/server/services";
import { openStore } from "../src/server/store/index";
import { startProfile, summariseProfile } from "./cpu-profile";
import { count, reportFigure } from "./summary";

const RATE = 200;
const SECONDS = 10;
const CONCURRENCY = 32;
const ROUNDS = 5; // of one second direct and one second proxied each
const PROFILE = process.argv.includes("--profile");
const RATIO_TARGET = 0.25;
const ADDED_P99_TARGET_MS = 5;
const PASSWORD = "bench-password-123";
const QUERY = "/bounces?count=10&offset=0";

const body = JSON.stringify({
  TotalCount: 1,
  Bounces: [{ ID: 1, Type: "HardBounce", Email: "someone@example.com", Description: "x".repeat(400) }],
});

async function listen(server: http.Server) {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

// Runs in the worker: fixed-rate and closed-loop load over keep-alive connections.
const loadGenerator = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function get(port, path, headers) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.get({ host: "127.0.0.1", port, path, headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode }));
    });
    // A reset (say, a kept-alive socket closed just as it was reused) is counted, not fatal.
    req.on("error", () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: 0 }));
  });
}
async function fixedRate({ targets, rate, seconds }) {
  const results = targets.map(() => []);
  const total = rate * seconds;
  const start = Date.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Alternate which target goes first so neither gets a systematic head start.
    const order = i % 2 ? [...targets.keys()].reverse() : [...targets.keys()];
    // Stored by issue order, so that the proxied and direct requests sent together can be paired.
    for (const k of order) pending.push(get(targets[k].port, targets[k].path, targets[k].headers).then((r) => (results[k][i] = r)));
  }
  await Promise.all(pending);
  return results;
}
async function closedLoop({ target, concurrency, seconds }) {
  const end = Date.now() + seconds * 1000;
  let done = 0, errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const r = await get(target.port, target.path, target.headers);
      if (r.status === 200) done++; else errors++;
    }
  }));
  return { done, errors, seconds };
}
parentPort.on("message", async (msg) => {
  const out = msg.kind === "rate" ? await fixedRate(msg) : await closedLoop(msg);
  parentPort.postMessage(out);
});
`;

const load = () => os.loadavg()[0]!.toFixed(1);

/** CPU time of this process's main thread (Linux; NaN elsewhere): the load generator's thread is not in it. */
function mainThreadCpuMicros(): number {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10_000; // utime + stime, in 1/100 s
  } catch {
    return NaN;
  }
}

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const upstream = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      res.end(body);
    });
  });
  const upstreamPort = await listen(upstream);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-bench-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    POSTMARK_API_URL: `http://127.0.0.1:${upstreamPort}`,
    POSTMARK_SERVER_TOKEN: "bench-server-token-0000",
    MAILROOM_SECRET: "bench-secret-0123456789",
  });
  const store = await openStore({ kind: "sqlite", file: path.join(dataDir, "mailroom.db") });
  const logger = createLogger(() => {}); // request lines are formatted as usual, then dropped
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
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);

  const worker = new Worker(loadGenerator, { eval: true });
  const ask = <T>(msg: unknown) =>
    new Promise<T>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage(msg);
    });
  const direct = {
    port: upstreamPort,
    path: QUERY,
    headers: { "X-Postmark-Server-Token": "bench-server-token-0000", Accept: "application/json" },
  };
  const proxied = { port, path: `/api/postmark${QUERY}`, headers: { cookie } };

  type Loop = { done: number; errors: number; seconds: number };
  const loop = (target: { port: number; path: string; headers: Record<string, string> }, seconds: number) =>
    ask<Loop>({ kind: "loop", target, concurrency: CONCURRENCY, seconds });

  // Warm up connections, JIT and caches.
  await ask({ kind: "loop", target: proxied, concurrency: 8, seconds: 1 });
  await ask({ kind: "loop", target: direct, concurrency: 8, seconds: 1 });

  console.log(`fixed rate: ${RATE} req/s to each of direct and proxied for ${SECONDS} s (load average ${load()}) …`);
  const [d, p] = await ask<{ ms: number; status: number }[][]>({
    kind: "rate",
    targets: [direct, proxied],
    rate: RATE,
    seconds: SECONDS,
  });
  const dms = d!.map((r) => r.ms);
  const pms = p!.map((r) => r.ms);
  const failed = [...d!, ...p!].filter((r) => r.status !== 200);
  const bad = failed.length;
  const statuses = [...new Set(failed.map((r) => r.status))].map((s) => (s === 0 ? "connection error" : `HTTP ${s}`));
  const row = (name: string, v: number[]) =>
    `  ${name.padEnd(9)} p50 ${pct(v, 50).toFixed(2)} ms   p99 ${pct(v, 99).toFixed(2)} ms   (${v.length} requests)`;
  console.log(row("direct", dms));
  console.log(row("proxied", pms));
  // Each proxied request against the direct one sent at the same moment: the machine's hiccups hit both.
  const added = p!.map((r, i) => r.ms - d![i]!.ms);
  const addedP50 = pct(added, 50);
  const addedP99 = pct(added, 99);
  console.log(
    `  added     p50 ${addedP50.toFixed(2)} ms   p99 ${addedP99.toFixed(2)} ms   target: added p99 ≤ ${ADDED_P99_TARGET_MS} ms${bad ? `   (${bad} non-200: ${statuses.join(", ")})` : ""}`,
  );

  console.log(
    `throughput: ${CONCURRENCY} concurrent requests, ${ROUNDS} rounds of 1 s direct and 1 s proxied (load average ${load()}) …`,
  );
  const totals = {
    direct: { done: 0, errors: 0, seconds: 0, cpu: 0 },
    proxied: { done: 0, errors: 0, seconds: 0, cpu: 0 },
  };
  const profile = PROFILE ? await startProfile() : null;
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so that neither always follows the other's garbage.
    for (const kind of round % 2 ? (["proxied", "direct"] as const) : (["direct", "proxied"] as const)) {
      const cpu0 = mainThreadCpuMicros();
      const r = await loop(kind === "direct" ? direct : proxied, 1);
      const t = totals[kind];
      t.cpu += mainThreadCpuMicros() - cpu0;
      t.done += r.done;
      t.errors += r.errors;
      t.seconds += r.seconds;
    }
  }
  const rate = (t: { done: number; seconds: number }) => t.done / t.seconds;
  const ratio = rate(totals.proxied) / rate(totals.direct);
  const cpuPer = (t: { cpu: number; done: number }) =>
    Number.isFinite(t.cpu) && t.done ? `, main thread ${Math.round(t.cpu / t.done)} µs CPU per request` : "";
  const errs = (t: { errors: number }) => (t.errors ? ` (${t.errors} errors)` : "");
  console.log(`  direct    ${count(rate(totals.direct))} req/s${errs(totals.direct)}${cpuPer(totals.direct)}`);
  console.log(`  proxied   ${count(rate(totals.proxied))} req/s${errs(totals.proxied)}${cpuPer(totals.proxied)}`);
  console.log(`  ratio     ${ratio.toFixed(2)}× of direct   target: ≥ ${RATIO_TARGET}×`);
  console.log(`  machine   ${os.cpus().length} cores, Node ${process.version}, load average ${load()}`);
  if (profile) {
    // Covers the direct rounds too (the upstream's share), so compare with the direct CPU above.
    const file = path.join(import.meta.dirname, "out", "proxy.cpuprofile");
    const summary = summariseProfile(await profile.stop(file), 25, {
      "request log": /requestLog|request-log\.ts/,
      "security headers": /security-headers\.ts/,
      "host check": /host-check\.ts/,
      "request id": /request-id\.ts/,
      "session lookup": /auth\/sessions\.ts/,
      "proxy route and execute()": /proxy\/routes\.ts/,
      "upstream call (client)": /proxy\/upstream/,
      "response writing": /responseViaResponseObject|responseViaCache/,
      "garbage collector": /\(garbage collector\)/,
    });
    console.log(`profile of the throughput rounds: ${file}`);
    for (const line of summary) console.log(line);
  }

  reportFigure({
    bench: "proxy",
    what: "proxied throughput vs upstream",
    figure: `${count(rate(totals.proxied))} req/s = ${ratio.toFixed(2)}× of ${count(rate(totals.direct))}`,
    target: `≥ ${RATIO_TARGET}×`,
    met: ratio >= RATIO_TARGET,
  });
  reportFigure({
    bench: "proxy",
    what: `added latency at ${RATE} req/s`,
    figure: `p50 ${addedP50.toFixed(1)} / p99 ${addedP99.toFixed(1)} ms${bad ? ` (${bad} non-200)` : ""}`,
    target: `p99 ≤ ${ADDED_P99_TARGET_MS} ms`,
    met: addedP99 <= ADDED_P99_TARGET_MS && bad === 0,
  });

  await worker.terminate();
  server.closeAllConnections();
  server.close();
  upstream.closeAllConnections();
  upstream.close();
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
