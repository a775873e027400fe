import type { MiddlewareHandler } from "hono";
import type { Clock } from "../clock";
import type { Logger } from "../logger";

/** One line per request: method, path, query keys (never values), status, milliseconds. */
export function requestLog(logger: Logger, clock: Clock): MiddlewareHandler {
  return async (c, next) => {
    const start = clock();
    await next();
    const { pathname, search } = splitUrl(c.req.url);
    const keys = search ? [...new Set(new URLSearchParams(search).keys())] : [];
    logger.info(`${c.req.method} ${redactPath(pathname)}${keys.length ? `?${keys.join("&")}` : ""}`, {
      status: c.res.status,
      ms: clock() - start,
    });
  };
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
