// Crash test: the real server process on a temp DATA_DIR, events posted the way Postmark does
// (retrying whatever was not acknowledged, same trace id), SIGKILL at varied moments, restarts.
// At the end every acknowledged event must be stored exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { examplePayload, webhookEnv, webhookHeaders } from "../test-support/webhooks";

const EVENTS = 400;
const KILLS = 4;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-crash-"));
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

async function freePort() {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function start(port: number): ChildProcess {
  const c = spawn(process.execPath, ["--import", "tsx", "src/server/index.ts"], {
    env: {
      ...process.env,
      ...webhookEnv,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      ADMIN_PASSWORD: "crash-admin-password",
      MAILROOM_SECRET: "crash-test-secret-0123456789",
      // Live mode against nothing: no sandbox, no Postmark calls.
      POSTMARK_SERVER_TOKEN: "crash-test",
      POSTMARK_API_URL: "http://127.0.0.1:9",
    },
    stdio: "ignore",
  });
  return c;
}

function post(port: number, body: string, trace: string | null): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/webhooks/postmark?server=9",
        headers: webhookHeaders({ trace }),
        timeout: 2_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
    req.end(body);
  });
}

it("keeps every acknowledged event exactly once across SIGKILLs", async () => {
  const port = await freePort();
  const kinds = ["bounce", "delivery", "open", "click", "inbound"] as const;
  // A third without trace id: deduped by their identifying fields.
  const events: { body: string; trace: string | null; acked: boolean; attempts: number }[] = [];
  const make = (i: number) => ({
    body: JSON.stringify(examplePayload(kinds[i % kinds.length]!, { Tag: `crash-${i}` })),
    trace: i % 3 === 0 ? null : crypto.randomUUID(),
    acked: false,
    attempts: 0,
  });

  child = start(port);
  let kills = 0;
  let done = false;
  const killer = (async () => {
    while (kills < KILLS && !done) {
      // Varied but fixed gaps: the senders never stop before the last kill, so every restart
      // leaves posts unacknowledged and retried, whatever the machine's speed.
      await new Promise((r) => setTimeout(r, [700, 1_300, 2_000][kills % 3]));
      if (done) break;
      child?.kill("SIGKILL");
      await new Promise<void>((r) =>
        child?.exitCode !== null || child?.signalCode !== null ? r() : child?.once("exit", () => r()),
      );
      kills++;
      child = start(port);
    }
  })();

  // Eight senders, like Postmark's concurrent deliveries; unacknowledged events are retried.
  // New events keep coming until enough kills have happened.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (events.length < EVENTS || kills < KILLS) {
        const e = make(events.length);
        events.push(e);
        while (!e.acked) {
          e.attempts++;
          const status = await post(port, e.body, e.trace);
          if (status === 200) e.acked = true;
          else await new Promise((r) => setTimeout(r, 50));
        }
        // Postmark sometimes delivers twice even after a 200: every 20th event is posted again.
        if (events.indexOf(e) % 20 === 7) await post(port, e.body, e.trace);
      }
    }),
  );
  done = true;
  await killer;
  child?.kill("SIGKILL");
  await new Promise((r) => setTimeout(r, 200));

  expect(kills).toBe(KILLS);
  expect(events.some((e) => e.attempts > 1)).toBe(true);
  const db = new SQLite(path.join(dir, "mailroom.db"), { readonly: true });
  const rows = db.prepare("select tag, count(*) as n from events group by tag").all() as { tag: string; n: number }[];
  db.close();
  const byTag = new Map(rows.map((r) => [r.tag, r.n]));
  const missing = events.map((_, i) => `crash-${i}`).filter((t) => byTag.get(t) !== 1);
  expect(missing).toEqual([]);
  expect(rows.reduce((a, r) => a + r.n, 0)).toBe(events.length);
}, 60_000);
