import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../auth/cookie";
import type { ActiveSession, Sessions } from "../auth/sessions";
import { ApiFailure } from "../errors";
import type { AppEnv } from "./types";

export function requireSession(sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("session", await activeSession(sessions, getCookie(c, SESSION_COOKIE)));
    return next();
  };
}

/** The live session of a cookie value, or a 401 (also run by the routes served from node's request). */
export async function activeSession(sessions: Sessions, cookie: string | undefined): Promise<ActiveSession> {
  const session = await sessions.resolve(cookie);
  if (!session)
    throw new ApiFailure(401, "unauthenticated", "Sign in to continue; your session has ended or never began.");
  return session;
}

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const role = c.get("session").user.role;
    if (role !== "admin") throw new ApiFailure(403, "forbidden", `Only admins may do this; your role is ${role}.`);
    return next();
  };
}
