// Several instances: acknowledged webhooks/s with 1 SQLite instance and 1, 2, 3 PostgreSQL
// instances; webhook-to-browser latency across instances (posted to A, read on B and C by 50 SSE
// clients) and on one instance; one-action workflow runs/s with three instances. Instances are
// real processes (src/server/index.ts); senders and SSE clients run in a worker thread.
// Needs DATABASE_URL or TEST_DATABASE_URL (a fresh schema is made and dropped). `--seconds N`.
import os from "node:os";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { startFakeUpstream } from "../src/server/test-support/fake-upstream";
import { pgSchema, startInstance, type Instance } from "../src/server/test-support/instances";
import { ACCOUNT, suppressDoc, upstreamHandler } from "../src/server/test-support/workflow-harness";
import { pct, secondsFlag, WEBHOOK_AUTH } from "./bench-server";
import { cpuSnapshot, loadAverage } from "./proc-cpu";
import { count, reportFigure } from "./summary";

const SECONDS = secondsFlag(10);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? "64";
// `intake`, `latency` or `workflows` on the command line runs only those parts.
const parts = process.argv.slice(2).filter((a) => ["intake", "latency", "workflows"].includes(a));
const part = (name: string) => parts.length === 0 || parts.includes(name);
// `--rate N`: events/s of the latency part (default 200, the target's rate).
const rateAt = process.argv.indexOf("--rate");
const RATE = rateAt >= 0 && Number(process.argv[rateAt + 1]) > 0 ? Number(process.argv[rateAt + 1]) : 200;
const PORTS = [9184, 9185, 9186];
const PASSWORD = "bench-password-123";
const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;

const workerCode = `
const { parentPort } = require("node:worker_threads");
const http = require("node:http");
const crypto = require("node:crypto");
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const now = () => performance.timeOrigin + performance.now();
let n = 0;
function post(port, auth, body) {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/webhooks/postmark?server=1", agent,
      headers: { "content-type": "application/json", authorization: auth, "x-pm-webhook-trace-id": crypto.randomUUID() } }, (res) => {
      res.resume(); res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", (e) => resolve(e.code || "network error"));
    req.end(body);
  });
}
const delivery = (tag) => JSON.stringify({ RecordType: "Delivery", ServerID: 1, MessageStream: "outbound", MessageID: crypto.randomUUID(), Recipient: "r" + (++n) + "@example.com", DeliveredAt: new Date().toISOString(), Details: "ok", Tag: tag });
const bounce = (i) => JSON.stringify({ RecordType: "Bounce", MessageStream: "outbound", ID: i, Type: "HardBounce", TypeCode: 1, ServerID: 1, Email: "b" + i + "@example.com", From: "s@example.com", BouncedAt: "2030-01-01T00:00:00Z", MessageID: "bench-" + i });
const conns = [];
const latencies = [];
function open(port, cookie) {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/api/events/stream", headers: { cookie, accept: "text/event-stream" }, agent: false }, (res) => {
      let buf = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf("\\n\\n")) >= 0) {
          const block = buf.slice(0, i); buf = buf.slice(i + 2);
          if (block.includes(": connected")) resolve();
          const line = block.split("\\n").find((l) => l.startsWith("data: "));
          if (!line) continue;
          const tag = JSON.parse(line.slice(6)).payload.Tag;
          if (typeof tag === "string" && tag.startsWith("lat:")) latencies.push(now() - Number(tag.slice(4)));
        }
      });
    });
    conns.push(req);
  });
}
parentPort.on("message", async (m) => {
  if (m.kind === "loop") {
    const end = Date.now() + m.seconds * 1000;
    let ok = 0, errors = 0, k = 0;
    const kinds = {};
    await Promise.all(Array.from({ length: m.concurrency }, async () => {
      while (Date.now() < end) {
        const s = await post(m.ports[k++ % m.ports.length], m.auth, delivery("bench"));
        if (s === 200) ok++;
        else { errors++; kinds[s] = (kinds[s] || 0) + 1; }
      }
    }));
    parentPort.postMessage({ ok, errors, kinds });
  } else if (m.kind === "open") {
    await Promise.all(m.ports.flatMap((p) => Array.from({ length: m.perPort }, () => open(p, m.cookie))));
    parentPort.postMessage(conns.length);
  } else if (m.kind === "rate") {
    latencies.length = 0;
    const start = Date.now(), total = m.rate * m.seconds, pending = [];
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / m.rate - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(post(m.port, m.auth, delivery("lat:" + now())));
    }
    await Promise.all(pending);
    const expected = total * conns.length, until = Date.now() + 30000;
    while (latencies.length < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    for (const c of conns.splice(0)) c.destroy();
    parentPort.postMessage({ latencies, expected });
  } else if (m.kind === "bounces") {
    // Like Postmark: what is not acknowledged is sent again (same body), to the next instance.
    let next = 0, errors = 0;
    await Promise.all(Array.from({ length: m.concurrency }, async () => {
      while (next < m.count) {
        const i = next++, body = bounce(i);
        for (let a = 0; (await post(m.ports[(i + a) % m.ports.length], m.auth, body)) !== 200; a++) errors++;
      }
    }));
    parentPort.postMessage({ errors });
  }
});
`;

const worker = new Worker(workerCode, { eval: true });
const ask = <T>(msg: unknown) =>
  new Promise<T>((resolve) => {
    worker.once("message", resolve);
    worker.postMessage(msg);
  });

const env = (extra: Record<string, string>) => ({
  WEBHOOK_USERNAME: "bench",
  WEBHOOK_PASSWORD: "bench-webhook-password",
  MAILROOM_SECRET: "bench-secret-0123456789",
  ADMIN_PASSWORD: PASSWORD,
  POSTMARK_SERVER_TOKEN: "srv-1",
  POSTMARK_API_URL: "http://127.0.0.1:9",
  // INSTANCE_NODE_OPTIONS, e.g. "--import ./profile-hook.mjs": Node options for the instances (profiling).
  ...(process.env.INSTANCE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.INSTANCE_NODE_OPTIONS } : {}),
  ...extra,
});

async function cluster(n: number, extra: Record<string, string>): Promise<Instance[]> {
  const list = PORTS.slice(0, n).map((p) => startInstance(p, env(extra)));
  await Promise.all(list.map((i) => i.ready));
  return list;
}
const stopAll = (list: Instance[]) => Promise.all(list.map((i) => i.kill("SIGTERM")));

async function login(i: Instance) {
  const res = await fetch(`${i.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
}

async function countEvents(schemaUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: schemaUrl });
  await c.connect();
  const n = Number((await c.query("select count(*) as n from events")).rows[0].n);
  await c.end();
  return n;
}

/** Pids of the PostgreSQL backends serving connections made with this application_name. */
async function backendPids(appName: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query("select pid from pg_stat_activity where application_name = $1", [appName]);
  await c.end();
  return r.rows.map((row: { pid: number }) => row.pid);
}

async function intake(
  label: string,
  list: Instance[],
  stored: () => Promise<number>,
  target: number,
  backends: () => Promise<number[]> = async () => [],
) {
  await ask({ kind: "loop", ports: list.map((i) => i.port), auth: WEBHOOK_AUTH, concurrency: 16, seconds: 1 }); // warm-up
  const before = await stored();
  const instancesCpu = cpuSnapshot(list.map((i) => i.child.pid!));
  const pgCpu = cpuSnapshot(await backends());
  const loadBefore = loadAverage();
  const r = await ask<{ ok: number; errors: number; kinds: Record<string, number> }>({
    kind: "loop",
    ports: list.map((i) => i.port),
    auth: WEBHOOK_AUTH,
    concurrency: 64,
    seconds: SECONDS,
  });
  // CPU per acknowledged webhook: what the code costs, far less moved by load than the rate.
  const perWebhook = (seconds: number) => (r.ok ? ((seconds / r.ok) * 1e6).toFixed(0) : "-");
  const cpu = `CPU per webhook: instances ${perWebhook(instancesCpu.since())} µs, PostgreSQL ${perWebhook(pgCpu.since(await backends()))} µs`;
  const n = (await stored()) - before;
  const rate = r.ok / SECONDS;
  console.log(
    `  ${label.padEnd(26)} ${String(Math.round(rate)).padStart(6)} webhooks/s acknowledged, ${r.errors} errors${r.errors ? ` (${JSON.stringify(r.kinds)}: a status, or the sender's network error)` : ""}, stored ${n === r.ok ? "= acknowledged" : `${n} ≠ ${r.ok} acknowledged!`}`,
  );
  console.log(`  ${"".padEnd(26)} ${cpu} (load average ${loadBefore} → ${loadAverage()})`);
  reportFigure({
    bench: "cluster",
    what: `intake, ${label}`,
    figure: `${count(rate)}/s, ${r.errors} errors, stored ${n === r.ok ? "=" : "≠"} acknowledged`,
    target: `≥ ${count(target)}/s`,
    met: rate >= target && r.errors === 0 && n === r.ok,
  });
}

async function main() {
  if (!url) {
    console.log("cluster bench: set DATABASE_URL or TEST_DATABASE_URL (PostgreSQL) to run it; skipped.");
    return;
  }
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}, Node ${process.version}`,
  );
  if (part("intake")) console.log(`intake (64 concurrent senders, ${SECONDS} s, round-robin over the instances)`);
  if (part("intake")) {
    const list = await cluster(1, {});
    const dir = list[0]!.output().match(/database=(\S+)/)?.[1];
    await intake(
      "1 instance, SQLite",
      list,
      async () => {
        const SQLite = (await import("better-sqlite3")).default;
        const db = new SQLite(dir!, { readonly: true });
        const n = (db.prepare("select count(*) as n from events").get() as { n: number }).n;
        db.close();
        return n;
      },
      5_000,
    );
    await stopAll(list);
  }
  for (const n of part("intake") ? [1, 2, 3] : []) {
    const schema = await pgSchema(url);
    // Named connections, so the CPU of this run's backends can be told apart.
    const named = new URL(schema.url);
    named.searchParams.set("application_name", schema.schema);
    const list = await cluster(n, { DATABASE_URL: named.toString() });
    await intake(
      `${n} instance${n > 1 ? "s" : ""}, PostgreSQL`,
      list,
      () => countEvents(schema.url),
      3_000,
      () => backendPids(schema.schema),
    );
    await stopAll(list);
    await schema.drop();
  }

  if (part("latency")) console.log(`webhook-to-browser latency, 50 SSE clients, ${RATE} events/s`);
  for (const n of part("latency") ? [1, 3] : []) {
    const schema = await pgSchema(url);
    const list = await cluster(n, { DATABASE_URL: schema.url });
    const cookie = await login(list[0]!);
    const readers = n === 1 ? [list[0]!] : list.slice(1);
    await ask({ kind: "open", ports: readers.map((i) => i.port), perPort: 50 / readers.length, cookie });
    const r = await ask<{ latencies: number[]; expected: number }>({
      kind: "rate",
      port: list[0]!.port,
      auth: WEBHOOK_AUTH,
      rate: RATE,
      seconds: SECONDS,
    });
    const where = n === 1 ? "1 instance (post and read on A)" : "3 instances (post to A, read on B and C)";
    const [p50, p99] = [pct(r.latencies, 50), pct(r.latencies, 99)];
    console.log(
      `  ${where.padEnd(42)} p50 ${p50.toFixed(1)} ms   p99 ${p99.toFixed(1)} ms   (${r.latencies.length}/${r.expected} deliveries)`,
    );
    const complete = r.latencies.length === r.expected;
    reportFigure({
      bench: "cluster",
      what: `webhook → browser at ${RATE}/s, 50 clients, ${where}`,
      figure: `p50 ${p50.toFixed(1)} / p99 ${p99.toFixed(1)} ms${complete ? "" : ` (${count(r.latencies.length)}/${count(r.expected)} delivered)`}`,
      target: n === 1 ? "p50 ≤ 10 / p99 ≤ 50 ms" : "p99 ≤ 250 ms",
      met: complete && (n === 1 ? p50 <= 10 && p99 <= 50 : p99 <= 250),
    });
    await stopAll(list);
    await schema.drop();
  }

  if (part("workflows"))
    console.log(
      `workflow runs, three instances, one action each (recording upstream), WORKFLOW_CONCURRENCY=${CONCURRENCY} each`,
    );
  if (part("workflows")) {
    const up = await startFakeUpstream(
      upstreamHandler((r) => (r.url.includes("/suppressions") ? { body: { Suppressions: [] } } : null)),
    );
    const schema = await pgSchema(url);
    // Named connections, so the CPU of this run's backends can be told apart.
    const named = new URL(schema.url);
    named.searchParams.set("application_name", schema.schema);
    const list = await cluster(3, {
      DATABASE_URL: named.toString(),
      POSTMARK_API_URL: up.url,
      POSTMARK_ACCOUNT_TOKEN: ACCOUNT,
      // Runs each instance works on at once. The default (8) suits one instance calling Postmark;
      // a deployment sized for hundreds of runs/s raises it (each run waits on Postmark for its
      // call, and the runs committing together share their statements). BENCH_CONCURRENCY overrides.
      WORKFLOW_CONCURRENCY: CONCURRENCY,
    });
    const cookie = await login(list[0]!);
    const created = await fetch(`${list[0]!.url}/api/workflows`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(suppressDoc()),
    });
    const { id } = (await created.json()) as { id: number };
    await fetch(`${list[0]!.url}/api/workflows/${id}/enable`, { method: "POST", headers: { cookie } });
    // 3,000 runs by default: a 1,000-run burst lasted 2-3 s, too short for a steady figure.
    const N = Math.max(1_000, SECONDS * 300);
    const db = await schema.client();
    const instancesCpu = cpuSnapshot(list.map((i) => i.child.pid!));
    const pgCpu = cpuSnapshot(await backendPids(schema.schema));
    const loadBefore = loadAverage();
    const t0 = performance.now();
    const sent = await ask<{ errors: number }>({
      kind: "bounces",
      ports: list.map((i) => i.port),
      auth: WEBHOOK_AUTH,
      concurrency: 64,
      count: N,
    });
    const posted = performance.now() - t0;
    for (;;) {
      const done = Number(
        (await db.query("select count(*) as n from workflow_runs where status = 'succeeded'")).rows[0].n,
      );
      if (done >= N) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - t0;
    // CPU per run (its webhook's intake included): what the code costs, far less moved by load than the rate.
    const perRun = (seconds: number) => ((seconds / N) * 1e3).toFixed(2);
    const cpu = `CPU per run: instances ${perRun(instancesCpu.since())} ms, PostgreSQL ${perRun(pgCpu.since(await backendPids(schema.schema)))} ms`;
    const calls = up.seen.filter((s) => s.url.includes("/suppressions")).map((s) => s.body);
    const once = calls.length === N && new Set(calls).size === N;
    const rate = N / (ms / 1000);
    console.log(
      `  ${N} runs in ${(ms / 1000).toFixed(1)} s (webhooks posted in ${(posted / 1000).toFixed(1)} s, ${sent.errors} not acknowledged at first): ${Math.round(rate)} runs/s; ${calls.length} Postmark calls, ${new Set(calls).size} distinct (each step once: ${once ? "yes" : "NO"})`,
    );
    console.log(`  ${cpu} (load average ${loadBefore} → ${loadAverage()})`);
    reportFigure({
      bench: "cluster",
      what: "one-action workflow runs/s, three PostgreSQL instances",
      figure: `${count(rate)}/s, each step once: ${once ? "yes" : "NO"} (load ${os.loadavg()[0]!.toFixed(1)})`,
      target: `≥ 500 runs/s, each step once (WORKFLOW_CONCURRENCY=${CONCURRENCY})`,
      met: once && rate >= 500,
    });
    // Where a run's time goes: waiting for its run to be created, queued, and running its step.
    const phases = (
      await db.query(
        `select extract(epoch from (r.created_at::timestamptz - e.received_at::timestamptz)) * 1000 as created,
                extract(epoch from (r.started_at::timestamptz - r.created_at::timestamptz)) * 1000 as queued,
                extract(epoch from (r.finished_at::timestamptz - r.started_at::timestamptz)) * 1000 as ran
           from workflow_runs r join events e on e.id = r.event_id`,
      )
    ).rows as { created: string; queued: string; ran: string }[];
    for (const k of ["created", "queued", "ran"] as const) {
      const xs = phases.map((p) => Number(p[k])).sort((a, b) => a - b);
      console.log(
        `    ${{ created: "webhook stored → run created", queued: "run created → started", ran: "started → finished" }[k].padEnd(30)} p50 ${pct(xs, 50).toFixed(1)} ms   p99 ${pct(xs, 99).toFixed(1)} ms`,
      );
    }
    await db.end();
    await stopAll(list);
    await up.close();
    await schema.drop();
  }
  console.log(
    `machine load average after: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => void worker.terminate());
