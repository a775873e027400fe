import crypto from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./types";

/** A request id per API call, echoed in X-Request-Id, so an audit record can be matched to a request. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = crypto.randomBytes(9).toString("base64url");
    c.set("requestId", id);
    await next();
    // After next(): routes that build their own Response (the proxy) would drop a header set before.
    try {
      c.res.headers.set("X-Request-Id", id);
    } catch {
      // Immutable headers (a fetched Response passed through): the id is still in the audit record.
    }
  };
}
