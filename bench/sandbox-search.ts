// Builds a 100,000-message sandbox world and prints p50/p99 latency of common searches (no assertions).
import { createSandbox } from "../src/sandbox/index";
import { reportFigure } from "./summary";

const t0 = performance.now();
const sb = createSandbox({ seed: "bench", historyMessages: 100_000, eventsPerMinute: 0 });
console.log(`seeded 100,000 messages in ${Math.round(performance.now() - t0)} ms`);
const store = [...sb.world.servers.values()][0]!;
const token = store.config.ApiTokens[0]!;
const to = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
const from = new Date(Date.now() - 25 * 86_400_000).toISOString().slice(0, 10);
const recipient = store.messages[store.messages.length >> 1]!.recipients[0]!;

const cases: [string, string][] = [
  ["outbound search, first page", "/messages/outbound?count=50&offset=0"],
  [
    "outbound search, tag+status+dates",
    `/messages/outbound?count=50&offset=0&tag=welcome&status=sent&fromdate=${from}&todate=${to}`,
  ],
  ["outbound search, recipient", `/messages/outbound?count=50&offset=0&recipient=${encodeURIComponent(recipient)}`],
  ["outbound search, deep page", "/messages/outbound?count=500&offset=9500"],
  ["bounces search", "/bounces?count=50&offset=0&type=HardBounce"],
  ["opens search, platform", "/messages/outbound/opens?count=50&offset=0&platform=Mobile"],
  ["stats overview, all", "/stats/outbound"],
  [
    "stats overview, stream+tag+dates",
    `/stats/outbound?messagestream=outbound&tag=welcome&fromdate=${from}&todate=${to}`,
  ],
  ["stats opens by client", "/stats/outbound/opens/emailclients"],
];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
let slowest = { label: "", p99: 0 };
for (const [label, path] of cases) {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const s = performance.now();
    const r = await sb.app.request(path, { headers: { "X-Postmark-Server-Token": token, Accept: "application/json" } });
    await r.text();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(36)} p50 ${pct(times, 50).toFixed(2).padStart(7)} ms   p99 ${pct(times, 99).toFixed(2).padStart(7)} ms`,
  );
  slowest = pct(times, 99) > slowest.p99 ? { label, p99: pct(times, 99) } : slowest;
}
reportFigure({
  bench: "sandbox-search",
  what: `${cases.length} common searches, 100,000 messages`,
  figure: `slowest p99 ${slowest.p99.toFixed(0)} ms (${slowest.label})`,
  target: "feels instant",
  met: null,
});
sb.close();
