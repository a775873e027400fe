import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../auth/cookie";
import type { Sessions } from "../auth/sessions";
import { ApiFailure } from "../errors";
import type { AppEnv } from "./types";

export function requireSession(sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = await sessions.resolve(getCookie(c, SESSION_COOKIE));
    if (!session)
      throw new ApiFailure(401, "unauthenticated", "Sign in to continue; your session has ended or never began.");
    c.set("session", session);
    return next();
  };
}

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const role = c.get("session").user.role;
    if (role !== "admin") throw new ApiFailure(403, "forbidden", `Only admins may do this; your role is ${role}.`);
    return next();
  };
}
