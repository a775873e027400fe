// Runs every benchmark in turn; each prints its own figures. `npm run bench -- proxy` runs one.
// Benches report their headline figures as BENCH-FIGURE lines (bench/summary.ts); this runner
// passes everything else through and prints those figures as one table at the end.
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";

const all = [
  ["first-page-js", "bench/first-page-js.ts", { needsBuild: true }],
  ["pages", "bench/pages.ts", { needsBuild: true }],
  ["overview", "bench/overview.ts", { needsBuild: true }],
  ["proxy", "bench/proxy.ts"],
  ["sandbox-search", "bench/sandbox-search.ts"],
  ["address-lookup", "bench/address-lookup.ts"],
  ["workflows", "bench/workflows.ts"],
  ["intake", "bench/intake.ts"],
  ["sse", "bench/sse.ts"],
  ["cluster", "bench/cluster.ts"],
];
const PREFIX = "BENCH-FIGURE ";
const only = process.argv.slice(2);
const unknown = only.filter((name) => !all.some(([n]) => n === name));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(", ")} (known: ${all.map(([n]) => n).join(", ")})`);
  process.exit(2);
}
const chosen = only.length ? all.filter(([name]) => only.includes(name)) : all;
if (chosen.some(([, , opts]) => opts?.needsBuild)) {
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Runs one bench, echoing its output, and returns its exit code and the figures it reported. */
function runBench(file) {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", file], { stdio: ["ignore", "pipe", "inherit"] });
    const figures = [];
    let pending = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith(PREFIX)) figures.push(JSON.parse(line.slice(PREFIX.length)));
        else process.stdout.write(line + "\n");
      }
    });
    child.on("close", (code) => {
      if (pending) process.stdout.write(pending + "\n");
      resolve({ code: code ?? 1, figures });
    });
  });
}

const load = () => os.loadavg()[0].toFixed(1);
const rows = [];
let failed = 0;
const startLoad = load();
for (const [name, file] of chosen) {
  console.log(`\n== ${name} (load average ${load()})`);
  const { code, figures } = await runBench(file);
  if (code !== 0) {
    failed++;
    rows.push({ bench: name, what: "(bench failed)", figure: `exit ${code}`, target: "", met: false });
  }
  rows.push(...figures);
}

const mark = (met) => (met === true ? "yes" : met === false ? "NO" : "–");
const table = [
  ["bench", "what", "figure", "target", "met"],
  ...rows.map((r) => [r.bench, r.what, r.figure, r.target, mark(r.met)]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
const line = (row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join("  ");
console.log(
  `\n== summary (${os.cpus().length} cores, Node ${process.version}; load average ${startLoad} at start, ${load()} at end)`,
);
console.log(line(table[0]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table.slice(1)) console.log(line(row));
const missed = rows.filter((r) => r.met === false).length;
console.log(`\n${rows.length} figures, ${missed} below target${failed ? `, ${failed} bench(es) failed` : ""}`);
process.exit(failed ? 1 : 0);
