// Proxy benchmark: latency Mailroom's proxy adds over calling the upstream directly (p50/p99 at
// a fixed 200 req/s), then proxied throughput with concurrency. Prints figures; asserts nothing.
// The upstream and Mailroom run in this process; the load generator runs in a worker thread so
// it does not steal the server's event loop.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { serve } from "@hono/node-server";
import { createApp } from "../src/server/app";
import { bootstrapAdmin } from "../src/server/auth/bootstrap-admin";
import { loadConfig } from "../src/server/config";
import { createLogger } from "../src/server/logger";
import { createServices } from "../src/server/services";
import { openStore } from "../src/server/store/index";

const RATE = 200;
const SECONDS = 10;
const CONCURRENCY = 32;
const THROUGHPUT_SECONDS = 5;
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
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get({ host: "127.0.0.1", port, path, headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode }));
    });
    req.on("error", reject);
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
    for (const k of order) pending.push(get(targets[k].port, targets[k].path, targets[k].headers).then((r) => results[k].push(r)));
  }
  await Promise.all(pending);
  return results;
}
async function closedLoop({ target, concurrency, seconds }) {
  const end = Date.now() + seconds * 1000;
  let done = 0, errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const r = await get(target.port, target.path, target.headers).catch(() => ({ status: 0 }));
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
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as http.Server;
  await new Promise<void>((r) => (server.listening ? r() : server.once("listening", () => r())));
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

  // Warm up connections, JIT and caches.
  await ask({ kind: "loop", target: proxied, concurrency: 8, seconds: 1 });

  console.log(`fixed rate: ${RATE} req/s to each of direct and proxied for ${SECONDS} s …`);
  const [d, p] = await ask<{ ms: number; status: number }[][]>({
    kind: "rate",
    targets: [direct, proxied],
    rate: RATE,
    seconds: SECONDS,
  });
  const dms = d!.map((r) => r.ms);
  const pms = p!.map((r) => r.ms);
  const bad = p!.filter((r) => r.status !== 200).length;
  const row = (name: string, v: number[]) =>
    `  ${name.padEnd(9)} p50 ${pct(v, 50).toFixed(2)} ms   p99 ${pct(v, 99).toFixed(2)} ms   (${v.length} requests)`;
  console.log(row("direct", dms));
  console.log(row("proxied", pms));
  const addedP50 = pct(pms, 50) - pct(dms, 50);
  const addedP99 = pct(pms, 99) - pct(dms, 99);
  console.log(
    `  added     p50 ${addedP50.toFixed(2)} ms   p99 ${addedP99.toFixed(2)} ms   target: added p99 ≤ 10 ms${bad ? `   (${bad} non-200!)` : ""}`,
  );

  console.log(`throughput: ${CONCURRENCY} concurrent proxied requests for ${THROUGHPUT_SECONDS} s …`);
  const t = await ask<{ done: number; errors: number; seconds: number }>({
    kind: "loop",
    target: proxied,
    concurrency: CONCURRENCY,
    seconds: THROUGHPUT_SECONDS,
  });
  console.log(
    `  proxied   ${Math.round(t.done / t.seconds)} req/s${t.errors ? ` (${t.errors} errors)` : ""}   target: ≥ 1,500 req/s`,
  );
  const td = await ask<{ done: number; errors: number; seconds: number }>({
    kind: "loop",
    target: direct,
    concurrency: CONCURRENCY,
    seconds: 2,
  });
  console.log(`  direct    ${Math.round(td.done / td.seconds)} req/s (the upstream alone, for reference)`);
  console.log(`  machine   ${os.cpus().length} cores, Node ${process.version}`);

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
