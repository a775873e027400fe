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
import { requestId } from "./audit/request-id";
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

/** Builds the Hono app; tests call `app.request()` on it in-process. */
export function createApp(s: Services, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(s.logger, () => s.connection.knownTokens()));
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

  // Everything below needs a session.
  const session = requireSession(s.sessions);
  app.use("/api/users/*", session);
  app.use("/api/users", session);
  app.use("/api/settings/*", session);
  app.use("/api/servers", session);
  app.use("/api/postmark/*", session);
  for (const base of ["/api/workflows", "/api/workflow-templates", "/api/runs", "/api/approvals", "/api/approval-links", "/api/audit", "/api/push", "/api/notifications", "/api/alerts", "/api/overview"]) {
    app.use(base, session);
    app.use(`${base}/*`, session);
  }
  app.use("/api/events", session);
  app.use("/api/events/*", session);
  app.use("/api/wiring", session);
  app.use("/api/wiring/*", session);
  app.use("/api/jobs", session);
  app.use("/api/jobs/*", session);
  app.route("/api/users", usersRoutes(s));
  app.route("/api/settings", settingsRoutes(s));
  app.route("/api/servers", serversRoutes(s));
  app.route("/api/postmark", proxyRoutes(s));
  app.route("/api/workflows", workflowsRoutes(s));
  app.route("/api/workflow-templates", workflowTemplatesRoutes());
  app.route("/api/runs", runsRoutes(s));
  app.route("/api/approvals", approvalsRoutes(s));
  app.route("/api/approvals", approvalLinkCreateRoutes(s));
  app.route("/api/approval-links", approvalLinkRoutes(s));
  app.route("/api/audit", auditRoutes(s));
  app.route("/api/push", pushRoutes(s));
  app.route("/api/notifications", notificationsRoutes(s));
  app.route("/api/events", eventsRoutes(s));
  app.route("/api/wiring", wiringRoutes(s));
  app.route("/api/jobs", jobsRoutes(s));
  app.use("/api/template-studio/*", session);
  app.route("/api/template-studio", templateStudioRoutes(s));
  app.route("/api/alerts", alertsRoutes(s));
  app.route("/api/overview", overviewRoutes(s));
  app.use("/api/data-removals", session);
  app.use("/api/data-removals/*", session);
  app.route("/api/data-removals", dataRemovalsRoutes(s));
  app.use("/api/approvers", session);
  app.route("/api/approvers", approversRoutes(s));
  app.all("/api/*", session, () => {
    throw new ApiFailure(404, "not_found", "There is no such API route.");
  });

  if (options.staticDir) mountSpa(app, options.staticDir);
  app.notFound((c) => c.json({ error: { code: "not_found", message: "Not found." } }, 404));
  return app;
}
export type App = ReturnType<typeof createApp>;
