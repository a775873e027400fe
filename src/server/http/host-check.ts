import { isIP } from "node:net";
import type { MiddlewareHandler } from "hono";
import { ApiFailure } from "../errors";
import type { AppEnv } from "./types";

const WILDCARD = new Set(["0.0.0.0", "[::]"]);

const isLoopback = (hostname: string) =>
  hostname === "localhost" || hostname === "[::1]" || (isIP(hostname) === 4 && hostname.startsWith("127."));
const isIpLiteral = (hostname: string) =>
  isIP(hostname) !== 0 || (hostname.startsWith("[") && isIP(hostname.slice(1, -1)) === 6);
const defaultPort = (protocol: string) => (protocol === "https:" ? "443" : "80");

/**
 * Refuses (421) a request whose Host is not Mailroom's own, so a page that rebinds its DNS name to
 * Mailroom's address (DNS rebinding) cannot talk to it with the browser's help. Allowed:
 * - PUBLIC_URL's host name (without a port, as a reverse proxy's `$host` sends it, or with its port);
 * - loopback names (localhost, 127.x, [::1]): no other site's name can resolve to them in a Host header;
 * - any IP literal when Mailroom listens on every interface and PUBLIC_URL is not set (no name to
 *   check against; an IP literal cannot be rebound).
 */
export function hostCheck(publicUrl: string): MiddlewareHandler<AppEnv> {
  const check = hostChecker(publicUrl);
  return async (c, next) => {
    check(c.req.header("host") ?? new URL(c.req.url).host);
    return next();
  };
}

/** The check itself, on the Host value (also run by the routes served from node's request). */
export function hostChecker(publicUrl: string): (raw: string) => void {
  const pub = new URL(publicUrl);
  const ownName = pub.hostname.toLowerCase();
  const ownPort = pub.port || defaultPort(pub.protocol);
  const anyIp = WILDCARD.has(ownName);
  // Host values already allowed (the verdict depends on the value alone): clients send the same one each time.
  const allowed = new Set<string>();
  const allow = (raw: string) => {
    if (allowed.size < 32) allowed.add(raw);
  };
  return (raw) => {
    if (allowed.has(raw)) return;
    let u: URL | null = null;
    // Only name, IPv6 brackets and port characters: no userinfo, path or fragment tricks.
    if (/^[A-Za-z0-9.\-[\]:]{1,300}$/.test(raw)) {
      try {
        u = new URL(`http://${raw}`);
      } catch {
        u = null;
      }
    }
    if (!u) throw new ApiFailure(400, "bad_request", "The Host header is not a valid host name.");
    const name = u.hostname.toLowerCase();
    const port = u.port || null;
    if (isLoopback(name) || (name === ownName && (port === null || port === ownPort)) || (anyIp && isIpLiteral(name))) {
      allow(raw);
      return;
    }
    throw new ApiFailure(
      421,
      "bad_request",
      `This Mailroom answers only at ${pub.host}; the request named another host (${raw.slice(0, 100)}). Set PUBLIC_URL to the address you use.`,
    );
  };
}
