import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Reply =
  { status?: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | "hang" | "destroy";

/** A tiny Postmark stand-in on a real port: records every request, answers as told. */
export async function startFakeUpstream(
  handler: (req: Seen) => Reply | Promise<Reply> = () => ({ body: { ok: true } }),
) {
  const seen: Seen[] = [];
  let current = handler;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const entry: Seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(entry);
      const reply = await current(entry);
      if (reply === "hang") return;
      if (reply === "destroy") return req.socket.destroy();
      const send = () => {
        const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { "Content-Type": "application/json; charset=utf-8", ...reply.headers });
        res.end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    reply(h: typeof handler) {
      current = h;
    },
    reset() {
      seen.length = 0;
      current = handler;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;

/** Answers like Postmark for the calls Mailroom makes itself (servers list, current server). */
export function postmarkLike(opts: { accountToken?: string; servers?: { id: number; name: string; token: string }[] }) {
  const servers = opts.servers ?? [];
  return (req: Seen): Reply => {
    const acct = req.headers["x-postmark-account-token"];
    const srv = req.headers["x-postmark-server-token"];
    const path = req.url.split("?")[0]!.toLowerCase();
    if (path === "/servers" && req.method === "GET") {
      if (acct !== opts.accountToken)
        return { status: 401, body: { ErrorCode: 10, Message: "The Account Token provided is invalid." } };
      return {
        body: {
          TotalCount: servers.length,
          Servers: servers.map((s) => ({ ID: s.id, Name: s.name, Color: "red", ApiTokens: [s.token] })),
        },
      };
    }
    if (srv !== undefined) {
      const s = servers.find((x) => x.token === srv);
      if (!s) return { status: 401, body: { ErrorCode: 10, Message: "The Server Token provided is invalid." } };
      if (path === "/server") return { body: { ID: s.id, Name: s.name, Color: "blue", ApiTokens: [s.token] } };
      return { body: { server: s.id, method: req.method, url: req.url, body: req.body } };
    }
    if (acct !== undefined) {
      if (acct !== opts.accountToken)
        return { status: 401, body: { ErrorCode: 10, Message: "The Account Token provided is invalid." } };
      return { body: { account: true, method: req.method, url: req.url } };
    }
    return { status: 401, body: { ErrorCode: 10, Message: "No token." } };
  };
}
