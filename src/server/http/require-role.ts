import type { MiddlewareHandler } from "hono";
import type { Role } from "../../contract/api/auth";
import { ApiFailure } from "../errors";
import type { AppEnv } from "./types";

/** Refuses (403) a signed-in user whose role may not do `what`. */
export function requireRole(allowed: (role: Role) => boolean, what: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const role = c.get("session").user.role;
    if (!allowed(role)) throw new ApiFailure(403, "forbidden", `Your role (${role}) may not ${what}.`);
    return next();
  };
}
