import fs from "node:fs";
import { summariseProfile } from "./cpu-profile";
const secs = Number(process.argv[2] ?? 6);
const files = process.argv.slice(3);
type P = { nodes: any[]; samples: number[]; timeDeltas: number[]; endTime: number; startTime: number };
const merged: P = { nodes: [], samples: [], timeDeltas: [], endTime: 0, startTime: 0 };
let offset = 0;
for (const f of files) {
  const p = JSON.parse(fs.readFileSync(f, "utf8")) as P;
  // keep only samples in the last `secs` seconds
  let t = p.startTime; const times = p.timeDeltas.map((d) => (t += d));
  const from = p.endTime - secs * 1e6;
  const idle = new Set(p.nodes.filter((n) => ["(idle)", "(program)"].includes(n.callFrame.functionName) ).map((n) => n.id));
  for (const n of p.nodes) merged.nodes.push({ ...n, id: n.id + offset, children: (n.children ?? []).map((c: number) => c + offset) });
  p.samples.forEach((s, i) => { if (times[i]! >= from && !idle.has(s)) { merged.samples.push(s + offset); merged.timeDeltas.push(p.timeDeltas[i]!); } });
  offset += 1_000_000;
}
const inc: Record<string, RegExp> = {};
for (const k of (process.env.INC ?? "").split(",").filter(Boolean)) inc[k] = new RegExp(k);
console.log(summariseProfile(merged as any, Number(process.env.TOP ?? 45), inc).join("\n"));
