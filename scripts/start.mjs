// `npm start`: builds the SPA when dist/index.html is missing, then runs the server with tsx.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

if (!fs.existsSync(path.join(root, "dist", "index.html"))) {
  console.log("mailroom: building the web app (first start)…");
  const build = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    {
      stdio: "inherit",
    },
  );
  if (build.status !== 0) {
    console.error("mailroom: the web build failed; see the messages above.");
    process.exit(build.status ?? 1);
  }
}

// `node --import tsx` keeps one process, so SIGINT/SIGTERM reach the server directly.
const server = spawn(process.execPath, ["--import", "tsx", path.join("src", "server", "index.ts")], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
