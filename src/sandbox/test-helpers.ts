// Helpers for the sandbox's own tests: a small seeded sandbox and JSON requests against it in-process.
import { createSandbox, type SandboxInstance, type SandboxOptions } from "./index";

export function testSandbox(options: SandboxOptions = {}): SandboxInstance & { serverToken: (i?: number) => string } {
  const sb = createSandbox({ seed: "test-seed", historyMessages: 3000, ...options });
  return { ...sb, serverToken: (i = 0) => [...sb.world.servers.values()][i]!.config.ApiTokens[0]! };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
type Json = any;

export async function call(
  sb: SandboxInstance,
  method: string,
  path: string,
  opts: { server?: string; account?: string; body?: unknown; raw?: string } = {},
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (opts.server) headers["X-Postmark-Server-Token"] = opts.server;
  if (opts.account) headers["X-Postmark-Account-Token"] = opts.account;
  let payload: string | undefined;
  if (opts.raw !== undefined) payload = opts.raw;
  else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined) headers["Content-Type"] = "application/json";
  const res = await sb.app.request(path, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
