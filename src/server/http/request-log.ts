import type { MiddlewareHandler } from "hono";
import type { Clock } from "../clock";
import type { Logger } from "../logger";

/** One line per request: method, path, query keys (never values), status, milliseconds. */
export function requestLog(logger: Logger, clock: Clock): MiddlewareHandler {
  return async (c, next) => {
    const start = clock();
    await next();
    const url = new URL(c.req.url);
    const keys = [...new Set(url.searchParams.keys())];
    logger.info(`${c.req.method} ${redactPath(url.pathname)}${keys.length ? `?${keys.join("&")}` : ""}`, {
      status: c.res.status,
      ms: clock() - start,
    });
  };
}

/** Signed approval link tokens are credentials: they never reach the log. */
export const redactPath = (path: string) => path.replace(/^(\/api\/approval-links\/|\/approve\/)[^/]+/, "$1[token]");
