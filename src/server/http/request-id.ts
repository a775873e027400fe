import crypto from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./types";

const ID_BYTES = 9;
const ID_CHARS = 12; // 9 bytes are 12 base64 characters exactly, so ids split the encoded pool evenly
// Random bytes drawn and encoded a few hundred ids at a time: per request, both cost more than the id is worth.
const pool = Buffer.alloc(ID_BYTES * 512);
let text = "";
let offset = 0;

/** 12 base64url characters from 9 random bytes. */
export function newRequestId(): string {
  if (offset === text.length) {
    text = crypto.randomFillSync(pool).toString("base64url");
    offset = 0;
  }
  const id = text.slice(offset, offset + ID_CHARS);
  offset += ID_CHARS;
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
