import type { MiddlewareHandler } from "hono";
import { ApiFailure } from "../errors";
import type { AppEnv } from "./types";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests sent by another site: a cross-site Sec-Fetch-Site, or an
 * Origin that is neither PUBLIC_URL's nor the request's own host. Requests without either
 * header (curl, scripts) pass; the session cookie is SameSite=Strict as well.
 */
export function originCheck(publicUrl: string): MiddlewareHandler<AppEnv> {
  const publicOrigin = new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (c.req.header("sec-fetch-site") === "cross-site") throw refused();
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      if (origin === "null") throw refused();
      let host: string;
      try {
        const o = new URL(origin);
        if (o.origin === publicOrigin) return next();
        host = o.host;
      } catch {
        throw refused();
      }
      // Behind a TLS-terminating proxy the scheme differs; the host the browser used must match.
      const ownHost = c.req.header("host") ?? new URL(c.req.url).host;
      if (host.toLowerCase() !== ownHost.toLowerCase()) throw refused();
    }
    return next();
  };
}

const refused = () =>
  new ApiFailure(
    403,
    "bad_origin",
    "This request came from another site, so Mailroom refused it. Use Mailroom from its own address.",
  );
