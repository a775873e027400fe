import type { Context } from "hono";
import type { AppEnv } from "./types";

/** The peer's address; X-Forwarded-For only when TRUST_PROXY says a reverse proxy sets it. */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? "local";
}

/** The request target exactly as the client sent it (before URL normalisation removed `..`). */
export function rawTarget(c: Context<AppEnv>): string {
  const raw = c.env?.incoming?.url;
  if (raw !== undefined) return raw;
  const u = new URL(c.req.url);
  return u.pathname + u.search;
}
