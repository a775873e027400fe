import fs from "node:fs";
const secs = Number(process.argv[2]); const files = process.argv.slice(3);
const agg = new Map<string, number>(); let all = 0;
const cat = (url: string, fn: string): string | null => {
  if (!url) return fn === "(garbage collector)" ? "gc" : null;
  const m = url.match(/node_modules\/(@[^/]+\/[^/]+|[^/]+)\//);
  if (m) return m[1]!;
  const s = url.match(/\/src\/(server\/[^/]+|sandbox|contract)\//);
  if (s) return s[1]!;
  if (url.startsWith("node:")) return null;
  return "other " + url.slice(-30);
};
for (const f of files) {
  const p = JSON.parse(fs.readFileSync(f, "utf8"));
  const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = p.startTime; const from = p.endTime - secs * 1e6;
  p.samples.forEach((s: number, i: number) => {
    t += p.timeDeltas[i];
    if (t < from) return;
    const leaf = byId.get(s);
    if (["(idle)", "(program)"].includes(leaf.callFrame.functionName)) return;
    all++;
    let k: string | null = null; let nodeOnly = "";
    for (let cur: number | undefined = s; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      k = cat(n.callFrame.url, n.callFrame.functionName);
      if (k) break;
      if (!nodeOnly && n.callFrame.url.startsWith("node:")) nodeOnly = n.callFrame.url;
    }
    k ??= "node-only " + (nodeOnly || leaf.callFrame.functionName);
    agg.set(k, (agg.get(k) ?? 0) + 1);
  });
}
console.log(`${all} samples`);
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((v / all) * 100).toFixed(1).padStart(5)}%  ${k}`);
