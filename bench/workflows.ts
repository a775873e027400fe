// Workflow engine benchmark: runs per second for a one-action workflow (suppress the bounced
// address) against the in-process sandbox, then event-to-action latency (event handed to the
// event store → Postmark's answer to the action) at a fixed 100 runs/s. Prints figures; asserts nothing.
// `--profile`: a CPU profile of the throughput burst (bench/out/workflows.cpuprofile) and its summary.
import { getRequestListener } from "@hono/node-server";
import { once } from "node:events";
import fs from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/server/config";
import type { NewEventRow } from "../src/server/events/events-repo";
import { summarise } from "../src/server/events/summary";
import { createLogger } from "../src/server/logger";
import { createServices } from "../src/server/services";
import { openDatabase } from "../src/server/store/database";
import { wrap } from "../src/server/store/index";
import { createSandbox } from "../src/sandbox/index";
import { startProfile, summariseProfile } from "./cpu-profile";
import { count, reportFigure } from "./summary";

const BURST = Number(process.env.BENCH_BURST ?? 3000);
const RATE = 100;
const SECONDS = 10;
const PROFILE = process.argv.includes("--profile");

/** Counts the statements Kysely runs (SQLite's BEGIN and COMMIT are not among them). */
function statementCounter() {
  const counter = {
    n: 0,
    transformQuery: <T>(args: { node: T }) => args.node,
    transformResult: async <R>(args: { result: R }) => {
      counter.n++;
      return args.result;
    },
  };
  return counter;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function main() {
  // Served here rather than by startSandbox so that its HTTP server is at hand (see `answered`).
  const sandbox = createSandbox({ eventsPerMinute: 0, historyMessages: 0, log: () => {} });
  const http = createServer(getRequestListener(sandbox.app.fetch)).listen(0, "127.0.0.1");
  await once(http, "listening");
  const sandboxUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const world = [...sandbox.world.servers.values()][0]!;
  const server = { id: world.id, apiToken: world.config.ApiTokens[0]! };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-bench-wf-"));
  const statements = statementCounter();
  const opened = await openDatabase({ kind: "sqlite", file: path.join(dir, "mailroom.db") });
  const store = wrap({ ...opened, db: opened.db.withPlugin(statements) });
  const config = loadConfig({
    DATA_DIR: dir,
    MAILROOM_SECRET: "bench-secret-0123456789",
    POSTMARK_API_URL: sandboxUrl,
    POSTMARK_ACCOUNT_TOKEN: sandbox.world.accountToken,
    POSTMARK_SERVER_TOKEN: server.apiToken,
    WORKFLOW_CONCURRENCY: "32",
  });

  // The action is done when the sandbox sends its answer, which names the address (so the event).
  // Timed on the sandbox's side so that Mailroom calls it as in production (node:http, kept-alive
  // sockets): a fetch wrapped to time the answers would put undici's cost in every run.
  const doneAt = new Map<string, number>();
  http.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST" || !req.url?.includes("/suppressions")) return;
    const end = res.end.bind(res);
    res.end = ((...args: Parameters<typeof end>) => {
      const m = /"EmailAddress":"([^"]+)"/.exec(String(args[0]));
      if (m) doneAt.set(m[1]!, performance.now());
      return end(...args);
    }) as typeof res.end;
  });
  const logger = createLogger();
  const services = createServices({
    config,
    store,
    logger: { ...logger, info: () => {} },
    version: "bench",
  });
  const { workflows, engine } = services.workflows;
  // A workflow acts with its author's authority, so it needs a real author.
  const author = await store.users.create({
    username: "bench",
    role: "operator",
    passwordHash: "-",
    now: new Date().toISOString(),
  });
  const id = await workflows.create({
    name: "bench",
    description: "",
    trigger: "bounce",
    author: { id: Number(author.id), username: "bench", role: "operator" },
    now: new Date().toISOString(),
    document: {
      version: 1,
      name: "bench",
      trigger: { type: "bounce" },
      steps: [
        {
          id: "suppress",
          kind: "action",
          operationId: "suppressions.create",
          params: { streamId: "outbound" },
          body: { Suppressions: [{ EmailAddress: { $map: { from: "trigger", path: "Email" } } }] },
          approval: "auto",
        },
      ],
    },
  });
  await workflows.setEnabled(id, true, new Date().toISOString());
  await engine.start((l) => services.events.bus.subscribe(l));

  const startedAt = new Map<string, number>();
  let seq = 0;
  function emit(): Promise<unknown> {
    const n = seq++;
    const email = `user${n}@bench.example`;
    const payload = {
      RecordType: "Bounce",
      MessageStream: "outbound",
      ID: n + 1,
      Type: "HardBounce",
      TypeCode: 1,
      ServerID: server.id,
      Email: email,
      BouncedAt: new Date().toISOString(),
    };
    const raw = JSON.stringify(payload);
    const s = summarise("bounce", payload);
    const row: NewEventRow = {
      trigger: "bounce",
      server_id: server.id,
      message_stream: s.messageStream,
      recipient: s.recipient,
      sender: s.sender,
      tag: s.tag,
      message_id: s.messageId,
      subject: s.subject,
      detail: s.detail,
      received_at: new Date().toISOString(),
      dedupe_key: `bench-${n}`,
      payload: raw,
      payload_size: raw.length,
      unrecognised: 0,
      test: 0,
      problem: null,
    };
    startedAt.set(email, performance.now());
    return services.events.writer.write(row, payload);
  }
  const waitDone = async (count: number, timeoutMs: number) => {
    const end = Date.now() + timeoutMs;
    while (doneAt.size < count && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  };

  // Warm-up: token discovery, first connections, JIT.
  for (let i = 0; i < 50; i++) void emit();
  await waitDone(50, 10_000);

  // 1. Throughput: a burst of events, time until every action is done.
  // CPU time per run (this process: engine, sandbox, event writer) depends less on other load than wall time does.
  const before = doneAt.size;
  const profile = PROFILE ? await startProfile() : null;
  const statements0 = statements.n;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: BURST }, () => emit()));
  await waitDone(before + BURST, 120_000);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const completed = doneAt.size - before;
  const rate = completed / elapsed;
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / Math.max(1, completed);
  const statementsPerRun = (statements.n - statements0) / Math.max(1, completed);
  console.log(
    `throughput: ${completed} one-action runs in ${elapsed.toFixed(2)} s = ${rate.toFixed(0)} runs/s (target ≥ 1,000; concurrency 32, SQLite); CPU ${cpuPerRun.toFixed(2)} ms per run; ${statementsPerRun.toFixed(2)} statements per run (load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  if (profile) {
    const file = path.join(import.meta.dirname, "out", "workflows.cpuprofile");
    const summary = summariseProfile(await profile.stop(file), 30, {
      "kysely (build, compile, run)": /kysely/,
      "better-sqlite3": /better-sqlite3/,
      "event writer": /events\/writer\.ts/,
      "run starter": /run-starter\.ts|run-inserts\.ts/,
      "step runner": /step-runner\.ts/,
      audit: /audit-repo\.ts|audited-execute\.ts/,
      "upstream call (client)": /proxy\/upstream|undici/,
      sandbox: /src\/sandbox|hono/,
      zod: /zod/,
      "garbage collector": /\(garbage collector\)/,
    });
    console.log(`profile of the burst: ${file}`);
    for (const line of summary) console.log(line);
  }
  const load = os.loadavg()[0]!.toFixed(1);
  reportFigure({
    bench: "workflows",
    what: "one-action runs/s, one instance (SQLite)",
    figure: `${count(rate)}/s (${completed} runs, ${cpuPerRun.toFixed(2)} ms CPU each; load ${load})`,
    target: "≥ 1,000/s",
    met: completed === BURST && rate >= 1000,
  });

  // 2. Latency at a fixed rate.
  const from = seq;
  const base = performance.now();
  for (let i = 0; i < RATE * SECONDS; i++) {
    const due = base + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    void emit();
  }
  await waitDone(from + RATE * SECONDS + 50, 30_000);
  const lat: number[] = [];
  for (let n = from; n < seq; n++) {
    const email = `user${n}@bench.example`;
    const a = startedAt.get(email);
    const b = doneAt.get(email);
    if (a !== undefined && b !== undefined) lat.push(b - a);
  }
  const p99 = percentile(lat, 99);
  console.log(
    `latency at ${RATE} runs/s for ${SECONDS} s (${lat.length} runs): p50 ${percentile(lat, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms (target p99 ≤ 50 ms)`,
  );
  reportFigure({
    bench: "workflows",
    what: `event-to-action latency at ${RATE} runs/s`,
    figure: `p50 ${percentile(lat, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${lat.length} runs; load ${os.loadavg()[0]!.toFixed(1)})`,
    target: "p99 ≤ 50 ms at 100 runs/s",
    met: lat.length === RATE * SECONDS && p99 <= 50,
  });
  console.log(`cores: ${os.availableParallelism()}`);

  await engine.stop();
  await store.close();
  sandbox.close();
  http.closeAllConnections();
  http.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
