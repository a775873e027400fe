import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { UpstreamAddress } from "./upstream-address";
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
  url: UpstreamAddress;
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

/** One request in flight: settles once, with an answer or an error. */
class InFlight {
  settled = false;
  answered = false;
  req: http.ClientRequest | undefined;
  onAbort: (() => void) | undefined;

  constructor(
    readonly call: HttpCall,
    readonly deadline: number,
    readonly resolve: (answer: HttpAnswer) => void,
    readonly reject: (error: Error) => void,
  ) {}

  finish(error: Error | null, answer?: HttpAnswer) {
    if (this.settled) return;
    this.settled = true;
    inFlight.delete(this);
    if (this.onAbort) this.call.signal?.removeEventListener("abort", this.onAbort);
    if (error) {
      this.req?.destroy();
      this.reject(error);
    } else this.resolve(answer!);
  }
}

// Deadlines of the calls in flight, checked by one timer for all of them (a timer per call showed
// in the proxy's profile). It is set for the earliest deadline and left alone as calls finish.
const inFlight = new Set<InFlight>();
let sweep: NodeJS.Timeout | undefined;
let sweepAt = Infinity;

function watch(f: InFlight) {
  inFlight.add(f);
  if (f.deadline < sweepAt) armSweep(f.deadline);
}

function armSweep(at: number) {
  if (sweep) clearTimeout(sweep);
  sweepAt = at;
  sweep = setTimeout(timeOut, Math.max(0, at - Date.now()));
  sweep.unref();
}

function timeOut() {
  sweep = undefined;
  sweepAt = Infinity;
  const now = Date.now();
  let next = Infinity;
  for (const f of inFlight) {
    if (f.deadline <= now) f.finish(upstreamTimedOut(f.call.timeoutMs));
    else if (f.deadline < next) next = f.deadline;
  }
  if (next !== Infinity) armSweep(next);
}

function attempt(call: HttpCall, deadline: number, pooled = true): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const protocol = call.url.protocol as keyof typeof agents;
    const pool = agents[protocol];
    if (!pool) return reject(upstreamUnreachable(undefined));
    const f = new InFlight(call, deadline, resolve, reject);
    watch(f);
    if (call.signal) {
      f.onAbort = () => f.finish(upstreamCancelled());
      call.signal.addEventListener("abort", f.onAbort, { once: true });
    }
    const { hostname, port, path, auth } = call.url;
    const options: https.RequestOptions = {
      protocol,
      hostname,
      port,
      path,
      method: call.method,
      headers: call.headers,
    };
    options.agent = pooled ? pool : false;
    if (auth) options.auth = auth;
    // A header node:http refuses (say, a token with a line break) throws here: the call ends at once.
    try {
      const req = (protocol === "https:" ? https : http).request(options, (res) => {
        f.answered = true;
        const chunks: Buffer[] = [];
        const { contentType, contentEncoding } = answerHeaders(res.rawHeaders);
        const decoded = decoder(contentEncoding);
        const stream = decoded ? res.pipe(decoded) : res;
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () =>
          f.finish(null, {
            status: res.statusCode ?? 502,
            contentType,
            text: utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
          }),
        );
        stream.on("error", (e: NodeJS.ErrnoException) => f.finish(upstreamUnreachable(e.code)));
        if (decoded) res.on("error", (e: NodeJS.ErrnoException) => f.finish(upstreamUnreachable(e.code)));
        res.on("close", () => {
          if (!res.complete) f.finish(upstreamUnreachable("ECONNRESET"));
        });
      });
      f.req = req;
      req.on("error", (e: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && !f.answered && (e.code === "ECONNRESET" || e.code === "EPIPE");
        f.finish(stale ? new StaleSocket(e.code) : upstreamUnreachable(e.code));
      });
      req.end(call.body);
    } catch (e) {
      f.finish(e as Error);
    }
  });
}

/**
 * Content-Type and Content-Encoding as `res.headers` gives them (the first Content-Type; every
 * Content-Encoding joined with ", "), read from the raw list without building that object.
 */
function answerHeaders(raw: string[]): { contentType: string | undefined; contentEncoding: string | undefined } {
  let contentType: string | undefined;
  let contentEncoding: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 12 && contentType === undefined && name.toLowerCase() === "content-type")
      contentType = raw[i + 1];
    else if (name.length === 16 && name.toLowerCase() === "content-encoding")
      contentEncoding = contentEncoding === undefined ? raw[i + 1] : `${contentEncoding}, ${raw[i + 1]}`;
  }
  return { contentType, contentEncoding };
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
