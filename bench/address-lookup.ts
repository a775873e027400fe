// The address lookup ("why is this address not getting mail?") as the page makes it: the same
// requests at once, through Mailroom's proxy to a sandbox of 24,000 messages (the e2e world).
// Prints p50/p99 of the time until every answer is in, for a suppressed, a bounced and a clean
// address. Target: within a second. No assertions.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createSandbox } from "../src/sandbox/index";
import { pct, startBenchServer } from "./bench-server";
import { reportFigure } from "./summary";

const ROUNDS = 40;
const sb = createSandbox({ seed: "bench", historyMessages: 24_000, eventsPerMinute: 0 });
const sandboxServer = serve({ fetch: sb.app.fetch, port: 0, hostname: "127.0.0.1" }) as http.Server;
await new Promise<void>((r) => (sandboxServer.listening ? r() : sandboxServer.once("listening", () => r())));
const sandboxUrl = `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`;
const token = [...sb.world.servers.values()][0]!.config.ApiTokens[0]!;
const mailroom = await startBenchServer({ POSTMARK_API_URL: sandboxUrl, POSTMARK_SERVER_TOKEN: token });
const base = `http://127.0.0.1:${mailroom.port}`;

async function get<T>(path: string): Promise<T> {
  const r = await fetch(`${base}${path}`, { headers: { cookie: mailroom.cookie, accept: "application/json" } });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

// The three kinds of address the page explains, read from the sandbox's own data.
const streams = (
  await get<{ MessageStreams: { ID: string; MessageStreamType: string }[] }>("/api/postmark/message-streams")
).MessageStreams.filter((s) => s.MessageStreamType !== "Inbound");
const suppressedList = (
  await get<{ Suppressions: { EmailAddress: string }[] }>("/api/postmark/message-streams/outbound/suppressions/dump")
).Suppressions;
const suppressed = suppressedList[0]!.EmailAddress;
const isSuppressed = new Set(suppressedList.map((s) => s.EmailAddress.toLowerCase()));
const bounced = (
  await get<{ Bounces: { Email: string }[] }>("/api/postmark/bounces?count=500&offset=0&inactive=false")
).Bounces.find((b) => !isSuppressed.has(b.Email.toLowerCase()))!.Email;
const clean = "nobody-ever-mailed@example.com";

/** Every request the address page makes when it opens, at once, as the browser does. */
async function lookup(email: string): Promise<number> {
  const e = encodeURIComponent(email);
  const start = performance.now();
  const first = await Promise.all([
    get("/api/postmark/message-streams"),
    get(`/api/postmark/bounces?count=20&offset=0&emailFilter=${e}`),
    get(`/api/postmark/messages/outbound?count=10&offset=0&recipient=${e}`),
    get(`/api/postmark/messages/inbound?count=10&offset=0&fromemail=${e}`),
    get(`/api/events?recipient=${e}&limit=20`),
    ...streams.map((s) => get(`/api/postmark/message-streams/${s.ID}/suppressions/dump?EmailAddress=${e}`)),
  ]);
  // The last bounce's dump follows once its id is known.
  const bounces = (first[1] as { Bounces: { ID: number }[] }).Bounces;
  if (bounces[0]) await get(`/api/postmark/bounces/${bounces[0].ID}/dump`);
  return performance.now() - start;
}

for (const [label, email] of [
  ["suppressed", suppressed],
  ["bounced, not suppressed", bounced],
  ["clean", clean],
] as const) {
  await lookup(email); // warm
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await lookup(email));
  console.log(
    `address lookup, ${label.padEnd(24)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms   p99 ${pct(times, 99).toFixed(1).padStart(7)} ms   (${streams.length} streams, ${ROUNDS} rounds; target < 1000 ms)`,
  );
  reportFigure({
    bench: "address-lookup",
    what: `address lookup, ${label}`,
    figure: `p50 ${pct(times, 50).toFixed(0)} / p99 ${pct(times, 99).toFixed(0)} ms`,
    target: "< 1,000 ms",
    met: pct(times, 99) < 1000,
  });
}
await mailroom.close();
sandboxServer.closeAllConnections();
sandboxServer.close();
sb.close();
