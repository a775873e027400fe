import { Hono } from "hono";
import type { HealthResponse } from "../contract/api/settings";
import { authRoutes } from "./auth/routes";
import { usersRoutes } from "./auth/users-routes";
import { ApiFailure } from "./errors";
import { eventsRoutes } from "./events/events-routes";
import { intakeRoutes } from "./events/intake-routes";
import { errorHandler } from "./http/error-handler";
import { hostCheck } from "./http/host-check";
import { originCheck } from "./http/origin-check";
import { requestLog } from "./http/request-log";
import { requireSession } from "./http/require-session";
import { securityHeaders } from "./http/security-headers";
import { mountSpa } from "./http/static";
import type { AppEnv } from "./http/types";
import { proxyReadRoute } from "./proxy/read-route";
import { proxyRoutes } from "./proxy/routes";
import type { Services } from "./services";
import { safeOrigin } from "./settings/connection-settings";
import { serversRoutes, settingsRoutes } from "./settings/routes";
import { approvalsRoutes } from "./approvals/routes";
import { runsRoutes } from "./workflows/runs-routes";
import { workflowsRoutes, workflowTemplatesRoutes } from "./workflows/routes";
import { wiringRoutes } from "./wiring/routes";
import { approvalLinkCreateRoutes, approvalLinkRoutes } from "./approvals/links-routes";
import { auditRoutes } from "./audit/routes";
import { requestId } from "./http/request-id";
import { notificationsRoutes, pushRoutes } from "./push/routes";
import { jobsRoutes } from "./jobs/routes";
import { templateStudioRoutes } from "./templates/routes";
import { alertsRoutes, overviewRoutes } from "./alerts/routes";
import { dataRemovalsRoutes } from "./data-removals/routes";
import { approversRoutes } from "./approvers/routes";

export interface AppOptions {
  /** Directory of the built SPA (dist/); none in API-only tests. */
  staticDir?: string | null;
  /** Per-request log lines (off in most tests). */
  logRequests?: boolean;
}

/**
 * Builds the Hono app; tests call `app.request()` on it in-process. Its `nodeRoutes` answer the
 * proxy's reads straight from node's request when served by createMailroomServer (http/serve.ts).
 */
export function createApp(s: Services, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(s.logger, () => s.connection.knownTokens()));
  // GET /api/postmark/* is answered by proxy/read-route.ts with these same steps, outside Hono:
  // a middleware added here for /api must be added there too (read-route.test.ts compares both).
  if (options.logRequests !== false) app.use("*", requestLog(s.logger, s.clock));
  app.use("*", securityHeaders(s.config.secureCookies));
  app.use("*", hostCheck(s.config.publicUrl));
  app.use("/api/*", originCheck(s.config.publicUrl));
  app.use("/api/*", requestId());

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
  // Postmark's webhook target: its own basic auth, no session, no origin check (not under /api).
  app.route("/webhooks/postmark", intakeRoutes(s));

  // Everything else under /api needs a session: one protected sub-app, guarded once, so a route
  // mounted on it cannot be left open (health and sign-in above answered first).
  const api = new Hono<AppEnv>();
  api.use("*", requireSession(s.sessions));
  api.route("/users", usersRoutes(s));
  api.route("/settings", settingsRoutes(s));
  api.route("/servers", serversRoutes(s));
  api.route("/postmark", proxyRoutes(s));
  api.route("/workflows", workflowsRoutes(s));
  api.route("/workflow-templates", workflowTemplatesRoutes());
  api.route("/runs", runsRoutes(s));
  api.route("/approvals", approvalsRoutes(s));
  api.route("/approvals", approvalLinkCreateRoutes(s));
  api.route("/approval-links", approvalLinkRoutes(s));
  api.route("/audit", auditRoutes(s));
  api.route("/push", pushRoutes(s));
  api.route("/notifications", notificationsRoutes(s));
  api.route("/events", eventsRoutes(s));
  api.route("/wiring", wiringRoutes(s));
  api.route("/jobs", jobsRoutes(s));
  api.route("/template-studio", templateStudioRoutes(s));
  api.route("/alerts", alertsRoutes(s));
  api.route("/overview", overviewRoutes(s));
  api.route("/data-removals", dataRemovalsRoutes(s));
  api.route("/approvers", approversRoutes(s));
  api.all("*", () => {
    throw new ApiFailure(404, "not_found", "There is no such API route.");
  });
  app.route("/api", api);

  if (options.staticDir) mountSpa(app, options.staticDir);
  app.notFound((c) => c.json({ error: { code: "not_found", message: "Not found." } }, 404));
  return Object.assign(app, { nodeRoutes: proxyReadRoute(s, { logRequests: options.logRequests !== false }) });
}
export type App = ReturnType<typeof createApp>;
