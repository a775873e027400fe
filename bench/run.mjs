// Runs every benchmark in turn; each prints its own figures. `npm run bench -- proxy` runs one.
import { spawnSync } from "node:child_process";

const all = [
  ["first-page-js", "bench/first-page-js.ts", { needsBuild: true }],
  ["overview", "bench/overview.ts", { needsBuild: true }],
  ["proxy", "bench/proxy.ts"],
  ["sandbox-search", "bench/sandbox-search.ts"],
  ["address-lookup", "bench/address-lookup.ts"],
  ["workflows", "bench/workflows.ts"],
  ["intake", "bench/intake.ts"],
  ["sse", "bench/sse.ts"],
  ["cluster", "bench/cluster.ts"],
];
const only = process.argv.slice(2);
const chosen = only.length ? all.filter(([name]) => only.includes(name)) : all;
if (chosen.some(([, , opts]) => opts?.needsBuild)) {
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
let failed = 0;
for (const [name, file] of chosen) {
  console.log(`\n== ${name}`);
  const run = spawnSync("npx", ["tsx", file], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
