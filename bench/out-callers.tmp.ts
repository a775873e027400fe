import fs from "node:fs";
const secs = Number(process.argv[2]); const leafRe = new RegExp(process.argv[3]!); const files = process.argv.slice(4);
const agg = new Map<string, number>(); let total = 0, all = 0;
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
    if (!leafRe.test(leaf.callFrame.functionName)) return;
    total++;
    const chain: string[] = [];
    for (let cur: number | undefined = s; cur !== undefined && chain.length < 40; cur = parent.get(cur)) {
      const n = byId.get(cur); const u = n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/src\//, "src/");
      if (/src\/|pg\/lib|hono|node:_http_(client|server|outgoing)/.test(u)) chain.push(`${n.callFrame.functionName}@${u.split("/").slice(-2).join("/")}`);
    }
    const k = chain.slice(0, 6).join(" < ");
    agg.set(k, (agg.get(k) ?? 0) + 1);
  });
}
console.log(`leaf ${leafRe}: ${total} of ${all} samples`);
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
