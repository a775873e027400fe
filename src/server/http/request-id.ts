import crypto from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./types";

const ID_BYTES = 9;
// Random bytes drawn a few hundred ids at a time: one call per request cost more than the id is worth.
const pool = Buffer.alloc(ID_BYTES * 512);
let offset = pool.length;

/** 12 base64url characters from 9 random bytes. */
export function newRequestId(): string {
  if (offset + ID_BYTES > pool.length) {
    crypto.randomFillSync(pool);
    offset = 0;
  }
  const id = pool.toString("base64url", offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return id;
}

/** A request id per API call, echoed in X-Request-Id, so an audit record can be matched to a request. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = newRequestId();
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
