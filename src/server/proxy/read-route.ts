import type http from "node:http";
import { parse as parseCookies } from "hono/utils/cookie";
import { SESSION_COOKIE } from "../auth/cookie";
import { errorAnswerer } from "../http/error-handler";
import { hostChecker } from "../http/host-check";
import { newRequestId } from "../http/request-id";
import { requestLine } from "../http/request-log";
import { activeSession } from "../http/require-session";
import { securityHeaderList } from "../http/security-headers";
import type { Services } from "../services";
import { proxyAnswer, type ProxyAnswer } from "./answer";

// Targets the node adapter hands to Hono unchanged: no character URL parsing would rewrite, no
// '#', and '%' only in the query (in the path, `%2e%2e` is a dot segment the URL parser resolves).
const PLAIN_TARGET = /^\/api\/postmark\/[!$&-.0-9:;=@A-Z[\]_a-z~/]*(?:\?[!$%&-;=?-[\]_a-z~]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;
// Host values the adapter takes as they are (others it parses, and may refuse with an empty 400).
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;

/**
 * `GET /api/postmark/*` answered straight from node's request, without building the web
 * Request, Headers and Response objects Hono works on: most of a proxied read's own CPU time.
 * The same steps as through the app, in its middleware order: host check, request id, session,
 * then proxyAnswer() (catalog, role, token, execute() and its audit wrapper, masking), the app's
 * error answers, security headers and request log line. Returns false for anything else (other
 * methods, so every state change with its origin check and body limits; odd targets or Host
 * values), which the app then serves as before.
 */
export function proxyReadRoute(s: Services, options: { logRequests: boolean }) {
  const checkHost = hostChecker(s.config.publicUrl);
  const security = securityHeaderList(s.config.secureCookies);
  const errorAnswer = errorAnswerer(s.logger, () => s.connection.knownTokens());

  async function answer(incoming: http.IncomingMessage, target: string, host: string): Promise<ProxyAnswer> {
    let requestId: string | undefined;
    try {
      checkHost(host);
      // A GET changes nothing, so the origin check (of state changes) has nothing to refuse here.
      requestId = newRequestId();
      const session = await activeSession(s.sessions, sessionCookie(incoming.headers.cookie));
      const a = await proxyAnswer(s, {
        method: "GET",
        rawTarget: target,
        serverHeader: headerText(incoming.headers["x-mailroom-server"]),
        user: session.user,
        requestId,
      });
      a.headers["X-Request-Id"] = requestId; // a.headers is this answer's own object
      return a;
    } catch (e) {
      const a = errorAnswer(e instanceof Error ? e : new Error(String(e)), pathOf(target));
      // As the app answers: the error's own headers, JSON, then the request id once one was drawn.
      const headers: Record<string, string> = { ...a.headers, "Content-Type": "application/json" };
      if (requestId !== undefined) headers["X-Request-Id"] = requestId;
      return { status: a.status, headers, body: JSON.stringify(a.body) };
    }
  }

  return (incoming: http.IncomingMessage, outgoing: http.ServerResponse): boolean => {
    const target = incoming.url;
    const host = incoming.headers.host;
    if (incoming.method !== "GET" || target === undefined || host === undefined) return false;
    if (!PLAIN_TARGET.test(target) || DOT_SEGMENT.test(target) || !PLAIN_HOST.test(host)) return false;
    const start = s.clock();
    void answer(incoming, target, host).then((a) => {
      // The answer's own headers object, completed in place rather than copied.
      const headers: http.OutgoingHttpHeaders = Object.assign(a.headers, security);
      headers["Cache-Control"] ??= "no-store";
      headers["Content-Length"] = Buffer.byteLength(a.body);
      try {
        outgoing.writeHead(a.status, headers);
        outgoing.end(a.body);
      } catch (e) {
        s.logger.error("could not write an answer", { path: pathOf(target), error: (e as Error).message });
        outgoing.destroy();
      }
      if (options.logRequests) {
        const q = target.indexOf("?");
        s.logger.info(requestLine("GET", pathOf(target), q === -1 ? "" : target.slice(q + 1)), {
          status: a.status,
          ms: s.clock() - start,
        });
      }
    });
    return true;
  };
}

// A Cookie header of the session cookie alone (as a browser sends it to Mailroom's own host), whose
// value the general parser would return unchanged: no quotes, spaces, '%' or other cookies.
const SESSION_ONLY = new RegExp(`^${SESSION_COOKIE}=[\\w-]*$`);

const sessionCookie = (header: string | undefined) =>
  !header
    ? undefined
    : SESSION_ONLY.test(header)
      ? header.slice(SESSION_COOKIE.length + 1)
      : parseCookies(header, SESSION_COOKIE)[SESSION_COOKIE];

const pathOf = (target: string) => {
  const q = target.indexOf("?");
  return q === -1 ? target : target.slice(0, q);
};

// Node joins repeated headers with ", " as the app's request headers do.
const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : value);
