import zlib from "node:zlib";
import { Client, Pool, type Dispatcher } from "undici";
import type { UpstreamAddress } from "./upstream-address";
import { upstreamCancelled, upstreamTimedOut, upstreamUnreachable } from "./upstream-errors";

/**
 * Postmark calls over undici's dispatcher with kept-alive connections, answered straight to a
 * handler of our own: no stream, no Request/Response objects. node:http's ClientRequest, agent
 * and IncomingMessage cost several times more per call through the proxy, and undici's fetch
 * more still (Headers, AbortSignal.timeout and .any). Deadlines are ours (one sweep timer), so
 * undici's own timeouts are off: its 10-second connect timeout would otherwise answer 502 before
 * POSTMARK_TIMEOUT_MS (30 s by default) answers 504, as node:http did.
 */
const options = { headersTimeout: 0, bodyTimeout: 0, connectTimeout: 0 };

// A pool per origin (one or two in use: Postmark's, the sandbox's); tests make many, hence the bound.
const pools = new Map<string, Pool>();

function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    if (pools.size >= 100) {
      for (const p of pools.values()) void p.close();
      pools.clear();
    }
    pool = new Pool(origin, options);
    pools.set(origin, pool);
  }
  return pool;
}

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
export function httpCall(call: HttpCall): Promise<HttpAnswer> {
  if (call.signal?.aborted) return Promise.reject(upstreamCancelled());
  const deadline = Date.now() + call.timeoutMs;
  const address = origin(call.url);
  return attempt(call, deadline, address, poolFor(address)).catch((e: unknown) => {
    if (!(e instanceof StaleSocket)) throw e;
    if (call.method !== "GET") throw upstreamUnreachable(e.code);
    return retry(call, deadline, address);
  });
}

/** The retry of a read, on a connection of its own: the pool may hold more sockets closed the same way. */
async function retry(call: HttpCall, deadline: number, address: string): Promise<HttpAnswer> {
  const own = new Client(address, { ...options, pipelining: 1 });
  try {
    return await attempt(call, deadline, address, own);
  } catch (again) {
    throw again instanceof StaleSocket ? upstreamUnreachable(again.code) : again;
  } finally {
    void own.destroy();
  }
}

/** A connection closed by the server before any answer: the request may never have reached it. */
class StaleSocket extends Error {
  constructor(readonly code: string | undefined) {
    super("stale socket");
  }
}

type Decoder = zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress;

/** One request in flight, undici's handler for it: settles once, with an answer or an error. */
class InFlight implements Dispatcher.DispatchHandler {
  settled = false;
  status = 0;
  contentType: string | undefined;
  chunks: Buffer[] = [];
  decoded: Decoder | null = null;
  abort: ((reason: Error) => void) | undefined;
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
      // Ends the request (and its connection) now, or as soon as undici starts it.
      this.abort?.(error);
      this.decoded?.destroy();
      this.reject(error);
    } else this.resolve(answer!);
  }

  onConnect(abort: (reason?: Error) => void) {
    this.abort = abort;
    if (this.settled) abort(upstreamCancelled());
  }

  onHeaders(status: number, raw: Buffer[]): boolean {
    if (status < 200) return true; // an informational answer; the real one follows
    this.status = status;
    const { contentType, contentEncoding } = answerHeaders(raw);
    this.contentType = contentType;
    const decoded = decoder(contentEncoding);
    if (decoded) {
      this.decoded = decoded;
      decoded.on("data", (c: Buffer) => this.chunks.push(c));
      decoded.on("end", () => this.done());
      decoded.on("error", (e: NodeJS.ErrnoException) => this.finish(upstreamUnreachable(e.code)));
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.decoded) this.decoded.write(chunk);
    else this.chunks.push(chunk);
    return true;
  }

  onComplete() {
    if (this.decoded) this.decoded.end();
    else this.done();
  }

  onError(e: Error & { code?: string }) {
    if (this.settled) return;
    // The connection ended (closed, reset) before an answer began.
    const closed = e.code === "UND_ERR_SOCKET" || e.code === "ECONNRESET" || e.code === "EPIPE";
    if (closed && this.status === 0)
      return this.finish(new StaleSocket(e.code === "UND_ERR_SOCKET" ? "ECONNRESET" : e.code));
    if (e.code === "UND_ERR_SOCKET") return this.finish(upstreamUnreachable("ECONNRESET"));
    // A refused request (say, a header value with a line break) arrives here at once, as it is.
    this.finish(e.code?.startsWith("UND_ERR_INVALID") ? e : upstreamUnreachable(e.code));
  }

  done() {
    const { chunks } = this;
    this.finish(null, {
      status: this.status,
      contentType: this.contentType,
      text: utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
    });
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

function attempt(call: HttpCall, deadline: number, address: string, via: Dispatcher): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const { protocol, path, auth } = call.url;
    if (protocol !== "http:" && protocol !== "https:") return reject(upstreamUnreachable(undefined));
    const f = new InFlight(call, deadline, resolve, reject);
    watch(f);
    if (call.signal) {
      f.onAbort = () => f.finish(upstreamCancelled());
      call.signal.addEventListener("abort", f.onAbort, { once: true });
    }
    const headers = auth
      ? { ...call.headers, Authorization: `Basic ${Buffer.from(auth).toString("base64")}` }
      : call.headers;
    // undici calls f.onError at once for a request it refuses (an invalid header, say).
    via.dispatch({ origin: address, path, method: call.method, headers, body: call.body }, f);
  });
}

/** The scheme, host and port a connection goes to (an IPv6 address in brackets, as in a URL). */
const origin = ({ protocol, hostname, port }: UpstreamAddress) =>
  `${protocol}//${hostname.includes(":") ? `[${hostname}]` : hostname}${port === undefined ? "" : `:${port}`}`;

/**
 * Content-Type and Content-Encoding as node:http's `res.headers` gives them (the first
 * Content-Type; every Content-Encoding joined with ", "), read from undici's raw list.
 */
function answerHeaders(raw: Buffer[]): { contentType: string | undefined; contentEncoding: string | undefined } {
  let contentType: string | undefined;
  let contentEncoding: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 12 && contentType === undefined && name.toString("latin1").toLowerCase() === "content-type")
      contentType = raw[i + 1]!.toString("latin1");
    else if (name.length === 16 && name.toString("latin1").toLowerCase() === "content-encoding") {
      const value = raw[i + 1]!.toString("latin1");
      contentEncoding = contentEncoding === undefined ? value : `${contentEncoding}, ${value}`;
    }
  }
  return { contentType, contentEncoding };
}

function decoder(encoding: string | undefined): Decoder | null {
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
