import type { MiddlewareHandler } from "hono";
import type { Clock } from "../clock";
import type { Logger } from "../logger";

/** Acknowledged webhooks are counted, not logged one by one: Postmark may send thousands a second. */
const COUNTED_PATH = /^\/webhooks\//;
const COUNT_WINDOW_MS = 60_000;

/**
 * One line per request: method, path, query keys (never values), status, milliseconds. Webhook
 * deliveries answered 200 are summed into one line per minute instead; refused or failed ones
 * (401, 400, 413, 503) still get a line each.
 */
export function requestLog(logger: Logger, clock: Clock): MiddlewareHandler {
  let counted = 0;
  let countStart = 0;
  const flushCount = () => {
    if (counted)
      logger.info("POST /webhooks/postmark", {
        status: 200,
        acknowledged: counted,
        seconds: Math.round((clock() - countStart) / 1000),
      });
    counted = 0;
  };
  return async (c, next) => {
    const start = clock();
    await next();
    if (c.res.status === 200 && COUNTED_PATH.test(c.req.path)) {
      if (counted++ === 0) {
        countStart = start;
        setTimeout(flushCount, COUNT_WINDOW_MS).unref?.();
      }
      return;
    }
    const { pathname, search } = splitUrl(c.req.url);
    logger.info(requestLine(c.req.method, pathname, search), { status: c.res.status, ms: clock() - start });
  };
}

/** `METHOD /path?key1&key2`: query keys once each, never their values. */
export function requestLine(method: string, pathname: string, search: string): string {
  const keys = search ? queryKeys(search) : [];
  return `${method} ${redactPath(pathname)}${keys.length ? `?${keys.join("&")}` : ""}`;
}

/**
 * The distinct keys of a query, as URLSearchParams gives them; a query with nothing to decode
 * ('%', '+') and no leading '?' is split as it is, without building the parameter list.
 */
function queryKeys(search: string): string[] {
  if (search.startsWith("?") || /[%+]/.test(search)) return [...new Set(new URLSearchParams(search).keys())];
  const keys = new Set<string>();
  for (const pair of search.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    keys.add(eq === -1 ? pair : pair.slice(0, eq));
  }
  return [...keys];
}

/**
 * The path and query of an absolute URL as `new URL()` gives them, without parsing the rest: the
 * request's URL is already normalised (by the Node adapter or by Request), so slicing is enough.
 */
function splitUrl(url: string): { pathname: string; search: string } {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start === -1) return { pathname: "/", search: "" };
  const hash = url.indexOf("#", start);
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf("?", start);
  if (q === -1 || q > end) return { pathname: url.slice(start, end), search: "" };
  return { pathname: url.slice(start, q), search: url.slice(q + 1, end) };
}

/** Signed approval link tokens are credentials: they never reach the log. */
export const redactPath = (path: string) => path.replace(/^(\/api\/approval-links\/|\/approve\/)[^/]+/, "$1[token]");
