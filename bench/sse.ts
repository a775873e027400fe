// SSE benchmark: webhook-to-browser latency at 200 events/s with 50 SSE clients (issue 15's
// figure) and with 500 (issue 17's), p50/p99, then server memory per SSE connection with 1,000
// idle clients. The webhook sender and the SSE clients run in a worker thread (one clock for send
// and receive times).
import fs from "node:fs";
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { pct, secondsFlag, startBenchServer, WEBHOOK_AUTH } from "./bench-server";
import { count, reportFigure } from "./summary";

const RUNS = [
  { clients: 50, target: "p50 ≤ 10 / p99 ≤ 50 ms", met: (p50: number, p99: number) => p50 <= 10 && p99 <= 50 },
  { clients: 500, target: "p99 ≤ 100 ms", met: (_p50: number, p99: number) => p99 <= 100 },
];
const RATE = 200;
const SECONDS = secondsFlag(10);
const MANY = 1_000;

const clients = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const crypto = require("node:crypto");
const { port, auth, cookie } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sentAt = new Map();
const latencies = [];
const conns = [];
function open() {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/api/events/stream", headers: { cookie, accept: "text/event-stream" }, agent: false }, (res) => {
      let buf = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf("\\n\\n")) >= 0) {
          const block = buf.slice(0, i); buf = buf.slice(i + 2);
          // The tag without parsing the whole message: 500 clients parse 100,000 messages a second.
          const at = block.indexOf('"Tag":"');
          if (at < 0) continue;
          const tag = block.slice(at + 7, block.indexOf('"', at + 7));
          const t = sentAt.get(tag);
          if (t !== undefined) latencies.push(performance.now() - t);
        }
        if (!res.resolved) { res.resolved = true; resolve(); }
      });
    });
    conns.push(req);
  });
}
function post(n) {
  const body = JSON.stringify({ RecordType: "Open", MessageID: crypto.randomUUID(), Recipient: "r@example.com", ReceivedAt: new Date().toISOString(), Tag: "t" + n, FirstOpen: true });
  return new Promise((resolve) => {
    sentAt.set("t" + n, performance.now());
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/webhooks/postmark", agent,
      headers: { "content-type": "application/json", authorization: auth, "x-pm-webhook-trace-id": crypto.randomUUID() } }, (res) => { res.resume(); res.on("end", resolve); });
    req.on("error", resolve);
    req.end(body);
  });
}
parentPort.on("message", async (m) => {
  if (m.kind === "open") { await Promise.all(Array.from({ length: m.count }, open)); parentPort.postMessage(conns.length); }
  if (m.kind === "close") { for (const c of conns.splice(0)) c.destroy(); parentPort.postMessage(0); }
  if (m.kind === "rate") {
    latencies.length = 0;
    const start = Date.now(), pending = [];
    for (let i = 0; i < m.rate * m.seconds; i++) {
      const wait = start + (i * 1000) / m.rate - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(post(i));
    }
    await Promise.all(pending);
    const expected = m.rate * m.seconds * m.clients, until = Date.now() + 10000;
    while (latencies.length < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    parentPort.postMessage({ latencies, expected });
  }
});
`;

/** CPU time of this process's main thread (the server's), from Linux's scheduler statistics; -1 elsewhere. */
function mainThreadCpuMs(): number {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return -1;
  }
}

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage();
};

async function main() {
  const srv = await startBenchServer();
  const worker = new Worker(clients, {
    eval: true,
    workerData: { port: srv.port, auth: WEBHOOK_AUTH, cookie: srv.cookie },
  });
  const ask = <T>(msg: unknown) =>
    new Promise<T>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage(msg);
    });

  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
  for (const run of RUNS) {
    await ask({ kind: "open", count: run.clients });
    const cpu0 = mainThreadCpuMs();
    console.log(`webhook → SSE latency: ${run.clients} clients, ${RATE} events/s for ${SECONDS} s …`);
    const r = await ask<{ latencies: number[]; expected: number }>({
      kind: "rate",
      rate: RATE,
      seconds: SECONDS,
      clients: run.clients,
    });
    const cpu = mainThreadCpuMs() - cpu0;
    const [p50, p99] = [pct(r.latencies, 50), pct(r.latencies, 99)];
    const complete = r.latencies.length === r.expected;
    console.log(
      `  p50 ${p50.toFixed(2)} ms   p99 ${p99.toFixed(2)} ms   (${r.latencies.length}/${r.expected} deliveries)   target: ${run.target}   load average ${load()}`,
    );
    // CPU, unlike latency, barely depends on what else the machine runs: compare this across changes.
    if (cpu0 >= 0) console.log(`  server main thread: ${((cpu * 1000) / r.expected).toFixed(1)} µs CPU per delivery`);
    reportFigure({
      bench: "sse",
      what: `webhook → browser, ${run.clients} clients at ${RATE}/s`,
      figure: `p50 ${p50.toFixed(1)} / p99 ${p99.toFixed(1)} ms${complete ? "" : ` (${count(r.latencies.length)}/${count(r.expected)} delivered)`}`,
      target: run.target,
      met: complete && run.met(p50, p99),
    });
    await ask({ kind: "close" });
    await new Promise((res) => setTimeout(res, 500));
  }

  console.log(`memory per SSE connection: ${MANY} idle clients …`);
  const base = heap();
  await ask({ kind: "open", count: MANY });
  await new Promise((res) => setTimeout(res, 500));
  const after = heap();
  const perHeap = (after.heapUsed + after.external - base.heapUsed - base.external) / MANY;
  console.log(
    `  server heap + external: ${(perHeap / 1024).toFixed(1)} KiB per connection (${srv.services.events.bus.size()} subscribers)`,
  );
  const perRss = (after.rss - base.rss) / MANY;
  console.log(`  process RSS (server and client sockets together): ${(perRss / 1024).toFixed(1)} KiB per connection`);
  reportFigure({
    bench: "sse",
    what: `memory per idle SSE connection (${count(MANY)} clients)`,
    figure: `heap ${(perHeap / 1024).toFixed(1)} KiB, RSS ${(perRss / 1024).toFixed(1)} KiB`,
    target: "printed",
    met: null,
  });
  console.log(`  machine   ${os.cpus().length} cores, Node ${process.version}`);
  await ask({ kind: "close" });
  await worker.terminate();
  await srv.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
