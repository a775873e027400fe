// Real Mailroom processes for cluster tests and benchmarks: a PostgreSQL schema of their own,
// instances started with `node --import tsx src/server/index.ts`, killed by pid.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** A fresh schema and a DATABASE_URL that puts every connection in it; `drop` removes it. */
export async function pgSchema(url: string) {
  const schema = `mailroom_cluster_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return {
    schema,
    url: u.toString(),
    /** A client for the test's own checks (search_path set). */
    async client() {
      const c = new pg.Client({ connectionString: u.toString() });
      await c.connect();
      return c;
    },
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

export interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  /** Resolves when the instance logged "Mailroom is ready"; rejects if it exits first. */
  ready: Promise<void>;
  /** Output so far (for failure messages). */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts one instance on `port` with `env` (on top of a minimal environment). */
export function startInstance(port: number, env: Record<string, string>): Instance {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-instance-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/index.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUSH_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (b: Buffer) => {
    out = (out + b.toString("utf8")).slice(-20_000);
  };
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      keep(b);
      if (out.includes("Mailroom is ready")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", keep);
    child.once("exit", (code, signal) =>
      reject(new Error(`instance on ${port} exited (${code ?? signal}) before it was ready:\n${out}`)),
    );
  });
  ready.catch(() => {});
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    ready,
    output: () => out,
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
