// `npm run dev`: the server (restarting on change, port 8787) and Vite's dev server together.
// Vite proxies /api and /webhooks to the server (see vite.config.ts, MAILROOM_DEV_API).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const port = process.env.PORT ?? "8787";
const bin = (name, ...rest) => path.join(root, "node_modules", name, ...rest);

const children = [
  spawn(process.execPath, [bin("tsx", "dist", "cli.mjs"), "watch", "--clear-screen=false", "src/server/index.ts"], {
    stdio: "inherit",
    // In development the browser's origin is Vite's; the origin check also accepts the request's own host.
    env: { ...process.env, PORT: port },
  }),
  spawn(process.execPath, [bin("vite", "bin", "vite.js")], {
    stdio: "inherit",
    env: { ...process.env, MAILROOM_DEV_API: process.env.MAILROOM_DEV_API ?? `http://127.0.0.1:${port}` },
  }),
];

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
for (const c of children) c.on("exit", (code) => stop(code ?? 1));
