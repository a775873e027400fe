// `npm run sandbox`: the local Postmark on its own.
import { startSandbox } from "./index";

const port = Number(process.env.SANDBOX_PORT ?? 8788);
const eventsPerMinute =
  process.env.SANDBOX_EVENTS_PER_MINUTE === undefined ? 30 : Number(process.env.SANDBOX_EVENTS_PER_MINUTE);

const sandbox = await startSandbox({
  port,
  host: process.env.SANDBOX_HOST ?? "127.0.0.1",
  seed: process.env.SANDBOX_SEED ?? "mailroom",
  accountToken: process.env.SANDBOX_ACCOUNT_TOKEN ?? "sandbox-account-token",
  eventsPerMinute: Number.isFinite(eventsPerMinute) ? eventsPerMinute : 30,
  simulate: process.env.SANDBOX_SIMULATE,
  randomBounces: process.env.SANDBOX_RANDOM_BOUNCES !== "0",
  // Outbound history across all servers (default 15,000); more makes exports past 10,000 rows testable.
  ...(process.env.SANDBOX_HISTORY_MESSAGES ? { historyMessages: Number(process.env.SANDBOX_HISTORY_MESSAGES) } : {}),
  log: (line) => console.log(line),
});

console.log(`\nPostmark sandbox: ${sandbox.url}`);
console.log(`  account token (X-Postmark-Account-Token): ${sandbox.accountToken}`);
for (const s of sandbox.servers) console.log(`  server ${s.id} "${s.name}" (X-Postmark-Server-Token): ${s.apiToken}`);
console.log(`  test token for sends: POSTMARK_API_TEST`);
if (process.env.SANDBOX_SIMULATE) console.log(`  simulating: ${process.env.SANDBOX_SIMULATE}`);
console.log(
  `  failure simulation (429/413): GET/PUT/DELETE ${sandbox.url}/__sandbox/simulate with the account token\n`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the sandbox…`);
  void sandbox.close().then(() => process.exit(0));
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
