// A CPU profile of this process's main thread over one phase of a bench (`--profile`), saved as
// a .cpuprofile (open it in Chrome DevTools → Performance, or speedscope) and summarised: the
// functions with the most self time, and the share of samples under each named function.
import fs from "node:fs";
import inspector from "node:inspector/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(intervalMicros = 200) {
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: intervalMicros });
  await session.post("Profiler.start");
  return {
    /** Stops, writes `file` and returns the profile. */
    async stop(file: string): Promise<Profile> {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      return profile as Profile;
    },
  };
}

const shortUrl = (url: string) =>
  url
    .replace(/^.*node_modules\//, "")
    .replace(/^file:\/\/.*?\/src\//, "src/")
    .replace(/^node:internal\//, "node:");

/** Top `top` functions by self time, then each pattern's inclusive share (a sample counts once per pattern). */
export function summariseProfile(profile: Profile, top: number, inclusive: Record<string, RegExp> = {}): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"} ${shortUrl(n.callFrame.url)}`.trim();
  const timeOf = new Map<number, number>();
  profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...timeOf.values()].reduce((a, b) => a + b, 0) || 1;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, t] of timeOf) {
    const leaf = byId.get(id)!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + t);
    const hit = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = name(byId.get(cur)!);
      for (const [label, re] of Object.entries(inclusive)) if (!hit.has(label) && re.test(n)) hit.add(label);
    }
    for (const label of hit) incl.set(label, (incl.get(label) ?? 0) + t);
  }
  const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`  self time (of ${(total / 1e6).toFixed(1)} s sampled):`];
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${k}`);
  if (Object.keys(inclusive).length) lines.push("  inclusive:");
  for (const label of Object.keys(inclusive)) lines.push(`  ${pct(incl.get(label) ?? 0)}  ${label}`);
  return lines;
}
