// `npm run cluster`: three Mailroom instances sharing the PostgreSQL at DATABASE_URL, behind a
// small round-robin load balancer, to try several instances on one machine. Without Postmark
// tokens it also starts one local Postmark sandbox that all three talk to.
//
//   DATABASE_URL=postgres://… npm run cluster
//
// CLUSTER_PORT (default 8787) is the balancer; the instances listen on the next three ports.
// MAILROOM_SECRET is shared by all three; when unset one is generated once and kept in
// data/cluster-secret (saved tokens are encrypted with it, so it must not change between runs).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.error(
    "npm run cluster needs DATABASE_URL=postgres://… : the instances share one PostgreSQL database (SQLite is one instance only).",
  );
  process.exit(2);
}

const base = Number(process.env.CLUSTER_PORT ?? 8787);
const host = "127.0.0.1";
const ports = [base + 1, base + 2, base + 3];
const sandboxPort = Number(process.env.SANDBOX_PORT ?? base + 4);
const publicUrl = process.env.PUBLIC_URL ?? `http://${host}:${base}`;

let secret = process.env.MAILROOM_SECRET;
if (!secret) {
  const file = path.join(root, "data", "cluster-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  secret = fs.readFileSync(file, "utf8").trim();
  console.log(
    `cluster: MAILROOM_SECRET not set; using the one kept in ${path.relative(root, file)} for all three instances`,
  );
}

if (!fs.existsSync(path.join(root, "dist", "index.html"))) {
  console.log("cluster: building the web app (first start)…");
  const build = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    { stdio: "inherit" },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [];
const prefixed = (name, child) => {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.on("data", (b) => {
      const lines = (rest + b.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) console.log(`[${name}] ${l}`);
    });
  }
};
const start = (name, args, env) => {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  prefixed(name, child);
  child.on("exit", (code, signal) => {
    console.log(`[${name}] exited (${code ?? signal})`);
    if (!stopping) stop(1);
  });
  children.push(child);
  return child;
};

const live = process.env.POSTMARK_SERVER_TOKEN || process.env.POSTMARK_ACCOUNT_TOKEN;
const postmarkEnv = live
  ? {}
  : {
      POSTMARK_API_URL: `http://${host}:${sandboxPort}`,
      POSTMARK_ACCOUNT_TOKEN: process.env.SANDBOX_ACCOUNT_TOKEN ?? "sandbox-account-token",
    };
if (!live) start("sandbox", ["src/sandbox/main.ts"], { SANDBOX_PORT: String(sandboxPort) });

ports.forEach((port, i) =>
  start(`mailroom-${i + 1}`, ["src/server/index.ts"], {
    ...postmarkEnv,
    PORT: String(port),
    HOST: host,
    PUBLIC_URL: publicUrl,
    DATABASE_URL: databaseUrl,
    MAILROOM_SECRET: secret,
    DATA_DIR: path.join(root, "data", `cluster-${i + 1}`),
    // The balancer sets X-Forwarded-For, so the login throttle sees the browser's address.
    TRUST_PROXY: "1",
  }),
);

// Round-robin, streaming both ways (the live feed is Server-Sent Events: no buffering, no timeout);
// an instance that refuses the connection is skipped.
let next = 0;
const balancer = http.createServer((req, res) => {
  const tryInstance = (left) => {
    const port = ports[next++ % ports.length];
    const up = http.request(
      {
        host,
        port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on("error", (e) => {
      if (!res.headersSent && left > 1 && req.readableEnded === false) return tryInstance(left - 1);
      if (!res.headersSent)
        res.writeHead(502, { "content-type": "text/plain" }).end(`no instance answered: ${e.message}`);
      else res.destroy();
    });
    req.pipe(up);
  };
  tryInstance(ports.length);
});
balancer.requestTimeout = 0;
balancer.listen(base, host, () => {
  console.log(`\ncluster: load balancer  ${publicUrl}  (open this one)`);
  ports.forEach((p, i) => console.log(`cluster: mailroom-${i + 1}     http://${host}:${p}`));
  console.log(`cluster: database       ${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}`);
  if (!live)
    console.log(`cluster: sandbox        http://${host}:${sandboxPort}  (wire its webhooks in Settings → Webhooks)`);
  console.log("");
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  balancer.close();
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3_000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() =>
    process.exit(code),
  );
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
