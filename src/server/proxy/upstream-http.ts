import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import { upstreamCancelled, upstreamTimedOut, upstreamUnreachable } from "./upstream-errors";

/**
 * Postmark calls over node:http with kept-alive connections. undici's fetch costs several times
 * more per call (Request/Response/Headers objects, AbortSignal.timeout and .any, a WASM parser);
 * through the proxy that was a third of each request's CPU time.
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

export interface HttpCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
}

// Like fetch's text(): UTF-8, a leading byte order mark dropped, bad bytes replaced.
const utf8 = new TextDecoder();

/** One call, decoded as fetch would (gzip, deflate, br); a GET on a kept-alive socket the server just closed is retried once. */
export async function httpCall(call: HttpCall): Promise<HttpAnswer> {
  if (call.signal?.aborted) throw upstreamCancelled();
  const deadline = Date.now() + call.timeoutMs;
  try {
    return await attempt(call, deadline);
  } catch (e) {
    // On a connection of its own: the pool may hold more sockets closed the same way.
    if (e instanceof StaleSocket && call.method === "GET") return attempt(call, deadline, false);
    throw e instanceof StaleSocket ? upstreamUnreachable(e.code) : e;
  }
}

/** A kept-alive socket closed by the server before any answer: the request never reached it. */
class StaleSocket extends Error {
  constructor(readonly code: string | undefined) {
    super("stale socket");
  }
}

function attempt(call: HttpCall, deadline: number, pooled = true): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const pool = agents[call.url.protocol as keyof typeof agents];
    if (!pool) return reject(upstreamUnreachable(undefined));
    const agent = pooled ? pool : false;
    const transport = call.url.protocol === "https:" ? https : http;
    let settled = false;
    let answered = false;
    const finish = (error: Error | null, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", onAbort);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(answer!);
    };
    const onAbort = () => finish(upstreamCancelled());
    const timer = setTimeout(() => finish(upstreamTimedOut(call.timeoutMs)), Math.max(0, deadline - Date.now()));
    timer.unref();
    call.signal?.addEventListener("abort", onAbort, { once: true });

    const req = transport.request(call.url, { method: call.method, headers: call.headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      const decoded = decoder(res.headers["content-encoding"]);
      const stream = decoded ? res.pipe(decoded) : res;
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () =>
        finish(null, {
          status: res.statusCode ?? 502,
          contentType: res.headers["content-type"],
          text: utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
        }),
      );
      stream.on("error", (e: NodeJS.ErrnoException) => finish(upstreamUnreachable(e.code)));
      res.on("error", (e: NodeJS.ErrnoException) => finish(upstreamUnreachable(e.code)));
      res.on("close", () => {
        if (!res.complete) finish(upstreamUnreachable("ECONNRESET"));
      });
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && !answered && (e.code === "ECONNRESET" || e.code === "EPIPE");
      finish(stale ? new StaleSocket(e.code) : upstreamUnreachable(e.code));
    });
    req.end(call.body);
  });
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      // Lenient like fetch: a body cut short at the very end still decodes what arrived.
      return zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case "deflate":
      return zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}
