import { ApiFailure } from "../errors";
import { upstreamCancelled, upstreamTimedOut, upstreamUnreachable } from "./upstream-errors";
import { upstreamAddress } from "./upstream-address";
import { httpCall } from "./upstream-http";

export interface UpstreamRequest {
  baseUrl: string;
  method: string;
  path: string;
  query?: string;
  tokenHeader: "X-Postmark-Server-Token" | "X-Postmark-Account-Token";
  token: string;
  body?: string;
  timeoutMs: number;
  /** A fetch to call instead of node:http (tests may wrap one). */
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  text: string;
}

const DEFAULT_TYPE = "application/json; charset=utf-8";

/** One call to Postmark (or the sandbox). Never follows redirects; errors carry no token. */
export async function callUpstream(req: UpstreamRequest): Promise<UpstreamResponse> {
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : req.body;
  const res = req.fetch
    ? await viaFetch(req.fetch, `${req.baseUrl}${req.path}${req.query ? `?${req.query}` : ""}`, req, headers(req), body)
    : await httpCall({
        url: upstreamAddress(req.baseUrl, req.path, req.query),
        method: req.method,
        headers: withFraming(req, body),
        body,
        timeoutMs: req.timeoutMs,
        signal: req.signal,
      });
  if (res.status >= 300 && res.status < 400) {
    throw new ApiFailure(
      502,
      "upstream_unreachable",
      `Postmark answered with a redirect (HTTP ${res.status}); Mailroom does not follow redirects. Check POSTMARK_API_URL.`,
    );
  }
  return { status: res.status, contentType: res.contentType ?? DEFAULT_TYPE, text: res.text };
}

const headers = (req: UpstreamRequest): Record<string, string> => ({
  Accept: "application/json",
  "Content-Type": "application/json",
  "User-Agent": "Mailroom",
  [req.tokenHeader]: req.token,
});

/** With the headers fetch added on its own: compression it can decode, and a length for bodies (0 for an empty POST/PUT/PATCH). */
function withFraming(req: UpstreamRequest, body: string | undefined) {
  const out = headers(req);
  out["Accept-Encoding"] = req.baseUrl.startsWith("https:") ? "br, gzip, deflate" : "gzip, deflate";
  if (body !== undefined) out["Content-Length"] = String(Buffer.byteLength(body));
  else if (req.method === "POST" || req.method === "PUT" || req.method === "PATCH") out["Content-Length"] = "0";
  return out;
}

async function viaFetch(
  fetchImpl: typeof fetch,
  url: string,
  req: UpstreamRequest,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; contentType: string | undefined; text: string }> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  try {
    const res = await fetchImpl(url, { method: req.method, headers, body, redirect: "manual", signal });
    return { status: res.status, contentType: res.headers.get("content-type") ?? undefined, text: await res.text() };
  } catch (e) {
    throw translateFetchError(e, req.timeoutMs, timeout.aborted);
  }
}

function translateFetchError(e: unknown, timeoutMs: number, timedOut: boolean): ApiFailure {
  if (timedOut || (e instanceof DOMException && e.name === "TimeoutError")) return upstreamTimedOut(timeoutMs);
  if (e instanceof DOMException && e.name === "AbortError") return upstreamCancelled();
  return upstreamUnreachable((e as { cause?: { code?: string } })?.cause?.code);
}
