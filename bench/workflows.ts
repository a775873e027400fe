// Workflow engine benchmark: runs per second for a one-action workflow (suppress the bounced
// address) against the in-process sandbox, then event-to-action latency (event handed to the
// event store → Postmark's answer to the action) at a fixed 100 runs/s. Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/server/config";
import type { NewEventRow } from "../src/server/events/events-repo";
import { summarise } from "../src/server/events/summary";
import { createLogger } from "../src/server/logger";
import { createServices } from "../src/server/services";
import { openStore } from "../src/server/store/index";
import { startSandbox } from "../src/sandbox/index";
import { count, reportFigure } from "./summary";

const BURST = Number(process.env.BENCH_BURST ?? 3000);
const RATE = 100;
const SECONDS = 10;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function main() {
  const sandbox = await startSandbox({ port: 0, eventsPerMinute: 0, historyMessages: 0, log: () => {} });
  const server = sandbox.servers[0]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-bench-wf-"));
  const store = await openStore({ kind: "sqlite", file: path.join(dir, "mailroom.db") });
  const config = loadConfig({
    DATA_DIR: dir,
    MAILROOM_SECRET: "bench-secret-0123456789",
    POSTMARK_API_URL: sandbox.url,
    POSTMARK_ACCOUNT_TOKEN: sandbox.accountToken,
    POSTMARK_SERVER_TOKEN: server.apiToken,
    WORKFLOW_CONCURRENCY: "32",
  });

  // The action is done when the sandbox's answer arrives; the address says which event it was for.
  const doneAt = new Map<string, number>();
  const timedFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (String(input).includes("/suppressions") && typeof init?.body === "string") {
      const m = /"EmailAddress":"([^"]+)"/.exec(init.body);
      if (m) doneAt.set(m[1]!, performance.now());
    }
    return res;
  };
  const logger = createLogger();
  const services = createServices({
    config,
    store,
    logger: { ...logger, info: () => {} },
    fetch: timedFetch,
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: BURST }, () => emit()));
  await waitDone(before + BURST, 120_000);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const completed = doneAt.size - before;
  const rate = completed / elapsed;
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / Math.max(1, completed);
  console.log(
    `throughput: ${completed} one-action runs in ${elapsed.toFixed(2)} s = ${rate.toFixed(0)} runs/s (target ≥ 1,000; concurrency 32, SQLite); CPU ${cpuPerRun.toFixed(2)} ms per run`,
  );
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
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
