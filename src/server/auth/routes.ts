import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { loginRequest, type SessionResponse } from "../../contract/api/auth";
import { ApiFailure } from "../errors";
import { clientAddress } from "../http/client-address";
import { readJson } from "../http/read-body";
import { requireSession } from "../http/require-session";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { toUser } from "../store/users-repo";
import { SESSION_COOKIE, sessionCookieOptions } from "./cookie";
import type { FailedLogin } from "./failed-login-audit";
import { dummyHash, verifyPassword } from "./password";

export function authRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const cookie = (maxAge?: number) => sessionCookieOptions(s.config.secureCookies, maxAge);
  const iso = () => new Date(s.clock()).toISOString();
  // An audit write that fails must not turn a sign-in into an error; it is logged instead.
  const audit = (entry: Parameters<typeof s.store.audit.record>[0]) =>
    s.store.audit
      .record(entry, iso())
      .catch((e: Error) =>
        s.logger.error("could not write an audit record", { action: entry.action, error: e.message }),
      );

  app.post("/login", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, loginRequest);
    const address = clientAddress(c, s.config.trustProxy);
    const keys = [`user:${body.username.toLowerCase()}`, `addr:${address}`];
    const attempt = {
      target: `user:${body.username.toLowerCase().slice(0, 64)}`,
      requestId: c.get("requestId"),
      details: { username: body.username.slice(0, 64), address },
    };
    const failed = (f: Pick<FailedLogin, "actor" | "outcome" | "reason">) =>
      s.failedLogins
        .record({ ...f, username: body.username, address, requestId: c.get("requestId") })
        .catch((e: Error) =>
          s.logger.error("could not write an audit record", { action: "auth.login.failed", error: e.message }),
        );

    // Counted before any password work, each in one atomic database step: a burst of parallel
    // attempts (on any instance) sees each other's counts, so at most the free ones reach the check.
    const wait = Math.max(...(await Promise.all(keys.map((k) => s.throttle.attempt(k)))));
    if (wait > 0) {
      await failed({ actor: "system", outcome: "denied", reason: "too_many_requests" });
      throw tooMany(wait);
    }
    const slot = s.hashLimiter.tryEnter();
    if (!slot) throw busy();

    const { row, ok } = await slot.run(async () => {
      const found = await s.store.users.byUsername(body.username);
      // Same work whether or not the user exists, so timing does not reveal usernames.
      const match = found
        ? await verifyPassword(body.password, found.password_hash)
        : (await verifyPassword(body.password, await dummyHash()), false);
      return { row: found, ok: match };
    });
    if (!row || !ok) {
      s.logger.warn("sign-in failed", { username: body.username.slice(0, 64) });
      await failed({
        actor: row ? { id: row.id, username: row.username } : "system",
        outcome: "failure",
        reason: row ? "wrong_password" : "unknown_user",
      });
      throw new ApiFailure(401, "unauthenticated", "Wrong username or password.");
    }
    await Promise.all(keys.map((k) => s.throttle.succeed(k)));
    const session = await s.sessions.create(row.id, c.req.header("user-agent") ?? null);
    await s.store.users.touchLogin(row.id, new Date(s.clock()).toISOString());
    setCookie(c, SESSION_COOKIE, session.id, cookie(Math.floor(s.sessions.maxMs / 1000)));
    const u = toUser(row);
    await audit({
      actor: { id: u.id, username: u.username },
      action: "auth.login",
      ...attempt,
      details: { ...attempt.details, role: u.role },
    });
    return c.json({
      user: { id: u.id, username: u.username, role: u.role },
      expiresAt: session.expiresAt,
    } satisfies SessionResponse);
  });

  app.post("/logout", requireSession(s.sessions), async (c) => {
    await s.sessions.destroy(c.get("session").idHash);
    const { user } = c.get("session");
    await audit({
      actor: { id: user.id, username: user.username },
      action: "auth.logout",
      target: `user:${user.username}`,
      requestId: c.get("requestId"),
      details: { address: clientAddress(c, s.config.trustProxy) },
    });
    deleteCookie(c, SESSION_COOKIE, cookie());
    return c.json({ ok: true as const });
  });

  app.get("/session", requireSession(s.sessions), (c) => {
    const { user, expiresAt } = c.get("session");
    return c.json({ user, expiresAt } satisfies SessionResponse);
  });

  return app;
}

/** More sign-ins are being checked than the server runs at once; the browser may try again soon. */
const busy = () =>
  new ApiFailure(
    429,
    "too_many_requests",
    "Too many sign-ins at once. Try again in a second.",
    { retryAfterSeconds: 1 },
    { "Retry-After": "1" },
  );

function tooMany(ms: number): ApiFailure {
  const seconds = Math.ceil(ms / 1000);
  const when = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new ApiFailure(
    429,
    "too_many_requests",
    `Too many failed sign-ins. Try again in ${when}.`,
    { retryAfterSeconds: seconds },
    {
      "Retry-After": String(seconds),
    },
  );
}
