// Webhook intake benchmark: acknowledgement latency p50/p99 at a fixed 200/s, then the durable
// (fsync'd) intake rate with concurrent senders for 60 s (`--seconds N` for a shorter run).
// The sender runs in a worker thread so it does not steal the server's event loop.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { pct, secondsFlag, startBenchServer, WEBHOOK_AUTH } from "./bench-server";
import { count, reportFigure } from "./summary";

const SECONDS = secondsFlag(60);
const CONCURRENCY = 64;
const RATE = 200;
const RATE_SECONDS = Math.min(10, SECONDS);

const sender = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const crypto = require("node:crypto");
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const { port, auth } = workerData;
let n = 0;
function body() {
  n++;
  return JSON.stringify({ RecordType: "Delivery", ServerID: 1, MessageStream: "outbound", MessageID: crypto.randomUUID(), Recipient: "r" + n + "@example.com", DeliveredAt: new Date().toISOString(), Details: "Test delivery webhook details", Tag: "bench", Metadata: { n: String(n) } });
}
function post() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/webhooks/postmark?server=1", agent,
      headers: { "content-type": "application/json", authorization: auth, "x-pm-webhook-trace-id": crypto.randomUUID() } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode }));
    });
    req.on("error", () => resolve({ ms: 0, status: 0 }));
    req.end(body());
  });
}
async function loop({ concurrency, seconds }) {
  const end = Date.now() + seconds * 1000;
  let ok = 0, errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) { const r = await post(); if (r.status === 200) ok++; else errors++; }
  }));
  return { ok, errors, seconds };
}
async function rate({ rate, seconds }) {
  const out = [], pending = [], start = Date.now();
  for (let i = 0; i < rate * seconds; i++) {
    const wait = start + (i * 1000) / rate - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(post().then((r) => out.push(r)));
  }
  await Promise.all(pending);
  return out;
}
parentPort.on("message", async (m) => parentPort.postMessage(m.kind === "loop" ? await loop(m) : await rate(m)));
`;

async function main() {
  const srv = await startBenchServer();
  const worker = new Worker(sender, { eval: true, workerData: { port: srv.port, auth: WEBHOOK_AUTH } });
  const ask = <T>(msg: unknown) =>
    new Promise<T>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage(msg);
    });
  await ask({ kind: "loop", concurrency: 8, seconds: 1 }); // warm-up

  console.log(`acknowledgement latency at ${RATE}/s for ${RATE_SECONDS} s …`);
  const r = await ask<{ ms: number; status: number }[]>({ kind: "rate", rate: RATE, seconds: RATE_SECONDS });
  const ms = r.filter((x) => x.status === 200).map((x) => x.ms);
  const bad = r.length - ms.length;
  const [p50, p99] = [pct(ms, 50), pct(ms, 99)];
  console.log(
    `  p50 ${p50.toFixed(2)} ms   p99 ${p99.toFixed(2)} ms   (${r.length} webhooks${bad ? `, ${bad} not 200!` : ""})   target: p99 ≤ 25 ms`,
  );
  reportFigure({
    bench: "intake",
    what: `acknowledgement latency at ${RATE}/s`,
    figure: `p50 ${p50.toFixed(1)} / p99 ${p99.toFixed(1)} ms${bad ? `, ${bad} not 200` : ""}`,
    target: "p99 ≤ 25 ms",
    met: !bad && p99 <= 25,
  });
  console.log(`durable intake: ${CONCURRENCY} concurrent senders for ${SECONDS} s (SQLite, synchronous=FULL) …`);
  const before = await srv.services.events.repo.count();
  const t = await ask<{ ok: number; errors: number; seconds: number }>({
    kind: "loop",
    concurrency: CONCURRENCY,
    seconds: SECONDS,
  });
  const stored = (await srv.services.events.repo.count()) - before;
  const rate = t.ok / t.seconds;
  console.log(
    `  ${Math.round(rate)} webhooks/s acknowledged, ${t.errors} errors, ${stored} stored (${stored === t.ok ? "= acknowledged" : "≠ acknowledged!"})   target: ≥ 5,000/s, no errors`,
  );
  reportFigure({
    bench: "intake",
    what: "durable intake, one SQLite instance",
    figure: `${count(rate)}/s, ${t.errors} errors, stored ${stored === t.ok ? "=" : "≠"} acknowledged`,
    target: "≥ 5,000/s",
    met: rate >= 5_000 && t.errors === 0 && stored === t.ok,
  });

  console.log(`  machine   ${os.cpus().length} cores, Node ${process.version}`);
  await worker.terminate();
  await srv.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
