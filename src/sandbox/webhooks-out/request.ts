import type { WebhookTarget } from "./types";

export interface PreparedTarget {
  /** URL to request, credentials removed. */
  url: string;
  /** Full `Authorization` header value, when the target has credentials. */
  authorization: string | null;
  customHeaders: { Name: string; Value: string }[];
}

/** Resolves credentials (HttpAuth wins over user:pass in the URL) and strips them from the URL: fetch refuses URLs that carry them. */
export function prepareTarget(target: WebhookTarget): PreparedTarget {
  const url = new URL(target.url);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`Unsupported webhook URL scheme: ${url.protocol}`);
  const fromUrl =
    url.username || url.password
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : null;
  url.username = "";
  url.password = "";
  const auth = target.httpAuth ? { user: target.httpAuth.Username, pass: target.httpAuth.Password } : fromUrl;
  return {
    url: url.toString(),
    authorization: auth ? `Basic ${Buffer.from(`${auth.user}:${auth.pass}`, "utf8").toString("base64")}` : null,
    customHeaders: target.httpHeaders ?? [],
  };
}

/** Custom headers go first so Postmark's own headers cannot be overridden by configuration. */
export function buildHeaders(target: PreparedTarget, traceId: string, retriesRemaining: number): Headers {
  const headers = new Headers();
  for (const { Name, Value } of target.customHeaders) headers.set(Name, Value);
  if (target.authorization) headers.set("Authorization", target.authorization);
  headers.set("Content-Type", "application/json");
  headers.set("User-Agent", "Postmark");
  headers.set("X-PM-Webhook-Trace-Id", traceId);
  headers.set("X-PM-Retries-Remaining", String(retriesRemaining));
  return headers;
}

/** Readable description of a failed fetch (undici hides the socket error in `cause`). */
export function describeError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `Timed out after ${timeoutMs} ms`;
  if (error instanceof Error) {
    const cause = error.cause;
    if (cause && typeof cause === "object" && "code" in cause) return `${error.message} (${String(cause.code)})`;
    return error.message;
  }
  return String(error);
}
