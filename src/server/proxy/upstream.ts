import { ApiFailure } from "../errors";

export interface UpstreamRequest {
  baseUrl: string;
  method: string;
  path: string;
  query?: string;
  tokenHeader: "X-Postmark-Server-Token" | "X-Postmark-Account-Token";
  token: string;
  body?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  text: string;
}

/** One call to Postmark (or the sandbox). Never follows redirects; errors carry no token. */
export async function callUpstream(req: UpstreamRequest): Promise<UpstreamResponse> {
  const url = `${req.baseUrl}${req.path}${req.query ? `?${req.query}` : ""}`;
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  let res: Response;
  try {
    res = await (req.fetch ?? fetch)(url, {
      method: req.method,
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "User-Agent": "Mailroom",
        [req.tokenHeader]: req.token,
      },
      body: req.method === "GET" || req.method === "HEAD" ? undefined : req.body,
      redirect: "manual",
      signal,
    });
  } catch (e) {
    throw translateFetchError(e, req.timeoutMs, timeout.aborted);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    throw translateFetchError(e, req.timeoutMs, timeout.aborted);
  }
  if (res.status >= 300 && res.status < 400) {
    throw new ApiFailure(
      502,
      "upstream_unreachable",
      `Postmark answered with a redirect (HTTP ${res.status}); Mailroom does not follow redirects. Check POSTMARK_API_URL.`,
    );
  }
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "application/json; charset=utf-8",
    text,
  };
}

function translateFetchError(e: unknown, timeoutMs: number, timedOut: boolean): ApiFailure {
  if (timedOut || (e instanceof DOMException && e.name === "TimeoutError")) {
    return new ApiFailure(
      504,
      "upstream_timeout",
      `Postmark did not answer within ${formatMs(timeoutMs)}. Try again in a moment.`,
    );
  }
  if (e instanceof DOMException && e.name === "AbortError") {
    return new ApiFailure(400, "bad_request", "The request was cancelled.");
  }
  // The cause (e.g. ECONNREFUSED) helps; the URL is fine, headers are never part of it.
  const cause = (e as { cause?: { code?: string } })?.cause?.code;
  return new ApiFailure(
    502,
    "upstream_unreachable",
    `Mailroom could not reach Postmark${cause ? ` (${cause})` : ""}. Check the network and POSTMARK_API_URL, then try again.`,
  );
}

const formatMs = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} seconds` : `${ms} ms`);
