import { Hono } from "hono";
import type { HealthResponse } from "../contract/api/settings";
import { authRoutes } from "./auth/routes";
import { usersRoutes } from "./auth/users-routes";
import { ApiFailure } from "./errors";
import { errorHandler } from "./http/error-handler";
import { originCheck } from "./http/origin-check";
import { requestLog } from "./http/request-log";
import { requireSession } from "./http/require-session";
import { securityHeaders } from "./http/security-headers";
import { mountSpa } from "./http/static";
import type { AppEnv } from "./http/types";
import { proxyRoutes } from "./proxy/routes";
import type { Services } from "./services";
import { safeOrigin } from "./settings/connection-settings";
import { serversRoutes, settingsRoutes } from "./settings/routes";

export interface AppOptions {
  /** Directory of the built SPA (dist/); none in API-only tests. */
  staticDir?: string | null;
  /** Per-request log lines (off in most tests). */
  logRequests?: boolean;
}

/** Builds the Hono app; tests call `app.request()` on it in-process. */
export function createApp(s: Services, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(s.logger, () => s.connection.knownTokens()));
  if (options.logRequests !== false) app.use("*", requestLog(s.logger, s.clock));
  app.use("*", securityHeaders(s.config.secureCookies));
  app.use("/api/*", originCheck(s.config.publicUrl));

  app.get("/api/health", async (c) => {
    const conn = await s.connection.current().catch(() => null);
    return c.json({
      ok: conn !== null,
      mode: conn?.mode ?? "live",
      upstream: conn ? safeOrigin(conn.upstream) : "unavailable",
      version: s.version,
    } satisfies HealthResponse);
  });
  app.route("/api/auth", authRoutes(s));

  // Everything below needs a session.
  const session = requireSession(s.sessions);
  app.use("/api/users/*", session);
  app.use("/api/users", session);
  app.use("/api/settings/*", session);
  app.use("/api/servers", session);
  app.use("/api/postmark/*", session);
  app.route("/api/users", usersRoutes(s));
  app.route("/api/settings", settingsRoutes(s));
  app.route("/api/servers", serversRoutes(s));
  app.route("/api/postmark", proxyRoutes(s));
  app.all("/api/*", session, () => {
    throw new ApiFailure(404, "not_found", "There is no such API route.");
  });

  if (options.staticDir) mountSpa(app, options.staticDir);
  app.notFound((c) => c.json({ error: { code: "not_found", message: "Not found." } }, 404));
  return app;
}
export type App = ReturnType<typeof createApp>;
