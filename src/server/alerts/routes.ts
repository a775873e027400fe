import { Hono } from "hono";
import { z } from "zod";
import {
  alertsQuery,
  type AlertRulesResponse,
  type AlertsResponse,
  type OverviewResponse,
  type OverviewServersResponse,
  type TagsResponse,
} from "../../contract/api/alerts";
import { roleMay } from "../../contract/api/auth";
import { alertRuleInput, type AlertRuleInput } from "../../contract/health/alert-rules";
import { healthThresholds } from "../../contract/health/verdicts";
import { windowRange } from "../../contract/health/window";
import { triggerIds } from "../../contract/postmark/triggers";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import { requireAdmin } from "../http/require-session";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { requireRole } from "../http/require-role";
import { healthVerdicts, tagsSeen, volume } from "./measure";

const idParam = z.coerce.number().int().min(1);
const serverParam = z.object({ server: z.coerce.number().int().min(1).optional() });
const daysParam = z.object({
  server: z.coerce.number().int().min(1).optional(),
  days: z.coerce.number().int().min(1).max(45).default(7),
});
const operator = requireRole(roleMay.editWorkflows, "change alert rules or run a check");

/** Server ids a rule may name: the account's servers, or the one the server token belongs to. */
async function knownServers(s: Services): Promise<{ id: number; name: string }[]> {
  const conn = await s.connection.current();
  if (conn.accountToken) return (await s.connection.listServers()).map((x) => ({ id: x.id, name: x.name }));
  const own = await s.connection.serverTokenServer();
  return own ? [{ id: own.id, name: own.name }] : [];
}

async function checkScope(s: Services, rule: AlertRuleInput) {
  const servers = await knownServers(s).catch(() => null);
  if (servers && !servers.some((x) => x.id === rule.scope.serverId)) {
    throw new ApiFailure(
      400,
      "validation_failed",
      `Server ${rule.scope.serverId} is not one of the servers Mailroom can read.`,
      { issues: [{ path: "scope.serverId", message: "Unknown server" }] },
    );
  }
}

/** /api/alerts: alert history, rules, thresholds and a check on demand. Behind requireSession. */
export function alertsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { checker, thresholds } = s.alerts;
  const repo = checker.repo;
  const iso = () => new Date(s.clock()).toISOString();

  app.get("/", async (c) => {
    const q = alertsQuery.parse(c.req.query());
    const rows = await repo.list({ ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    return c.json({
      alerts: page,
      nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    } satisfies AlertsResponse);
  });
  app.get("/:id{[0-9]+}", async (c) => {
    const a = await repo.get(idParam.parse(c.req.param("id")));
    if (!a) throw new ApiFailure(404, "not_found", "There is no such alert.");
    return c.json(a);
  });
  app.post("/check", operator, async (c) => c.json(await checker.checkOnce()));

  app.get("/rules", async (c) => c.json({ rules: await repo.listRules() } satisfies AlertRulesResponse));
  app.post("/rules", operator, async (c) => {
    const rule = await readJson(c, s.config.maxApiBodyBytes, alertRuleInput);
    await checkScope(s, rule);
    const user = c.get("session").user;
    const id = await repo.createRule(rule, iso(), user.username);
    await s.store.audit.record(
      {
        actor: { id: user.id, username: user.username },
        action: "alerts.rule.create",
        target: `alert-rule:${id}`,
        requestId: c.get("requestId"),
        details: { rule },
      },
      iso(),
    );
    return c.json(await repo.getRule(id), 201);
  });
  app.put("/rules/:id{[0-9]+}", operator, async (c) => {
    const id = idParam.parse(c.req.param("id"));
    const rule = await readJson(c, s.config.maxApiBodyBytes, alertRuleInput);
    await checkScope(s, rule);
    if (!(await repo.updateRule(id, rule, iso())))
      throw new ApiFailure(404, "not_found", "There is no such alert rule.");
    const user = c.get("session").user;
    await s.store.audit.record(
      {
        actor: { id: user.id, username: user.username },
        action: "alerts.rule.update",
        target: `alert-rule:${id}`,
        requestId: c.get("requestId"),
        details: { rule },
      },
      iso(),
    );
    return c.json(await repo.getRule(id));
  });
  app.delete("/rules/:id{[0-9]+}", operator, async (c) => {
    const id = idParam.parse(c.req.param("id"));
    if (!(await repo.deleteRule(id, iso()))) throw new ApiFailure(404, "not_found", "There is no such alert rule.");
    // A deleted rule's firing alert ends now rather than firing for ever.
    const firing = await repo.firingFor(id);
    if (firing) await repo.resolve(firing.id, iso());
    const user = c.get("session").user;
    await s.store.audit.record(
      {
        actor: { id: user.id, username: user.username },
        action: "alerts.rule.delete",
        target: `alert-rule:${id}`,
        requestId: c.get("requestId"),
      },
      iso(),
    );
    return c.json({ ok: true as const });
  });

  app.get("/thresholds", async (c) => c.json(await thresholds.describe()));
  app.put("/thresholds", requireAdmin(), async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, healthThresholds);
    const user = c.get("session").user;
    await thresholds.set(body, iso(), user.id);
    await s.store.audit.record(
      {
        actor: { id: user.id, username: user.username },
        action: "settings.thresholds",
        target: "health-thresholds",
        requestId: c.get("requestId"),
        details: { thresholds: body },
      },
      iso(),
    );
    return c.json(await thresholds.describe());
  });
  return app;
}

/** Method and path of a stored approval request, for a one-line description. */
function requestLine(raw: string): { method: string; path: string } {
  try {
    const r = JSON.parse(raw) as { method?: unknown; path?: unknown };
    return { method: typeof r.method === "string" ? r.method : "?", path: typeof r.path === "string" ? r.path : "?" };
  } catch {
    return { method: "?", path: "?" };
  }
}

/** /api/overview: the home page's data. Behind requireSession. */
export function overviewRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const DAY = 86_400_000;

  app.get("/", async (c) => {
    const q = serverParam.parse(c.req.query());
    const serverId = q.server ?? (await s.connection.defaultServerId().catch(() => null));
    const now = s.clock();
    const since = new Date(now - 7 * DAY).toISOString();
    const dayAgo = new Date(now - DAY).toISOString();
    const db = s.store.db;
    // Expired items must not count as waiting.
    await s.workflows.engine.expireDue().catch(() => {});

    // Approvals and runs of the selected server; a run whose event named no server shows on every server.
    const runsOfServer = db
      .selectFrom("workflow_runs")
      .$if(serverId !== null, (q) =>
        q.where((eb) =>
          eb.or([eb("workflow_runs.server_id", "=", serverId), eb("workflow_runs.server_id", "is", null)]),
        ),
      );
    const pendingQ = db
      .selectFrom("approvals")
      .innerJoin("workflows", "workflows.id", "approvals.workflow_id")
      .innerJoin("workflow_runs", "workflow_runs.id", "approvals.run_id")
      .where("approvals.status", "=", "pending")
      .$if(serverId !== null, (q) =>
        q.where((eb) =>
          eb.or([eb("workflow_runs.server_id", "=", serverId), eb("workflow_runs.server_id", "is", null)]),
        ),
      );
    const [pending, oldest, failed, waiting, recent, triggers, refusals, lastRefusal, alerts] = await Promise.all([
      pendingQ.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
      pendingQ
        .select(["approvals.id", "approvals.created_at", "approvals.expires_at", "approvals.request", "workflows.name"])
        .orderBy("approvals.id")
        .limit(1)
        .executeTakeFirst(),
      runsOfServer
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "=", "failed")
        .where("test", "=", 0)
        .where("created_at", ">=", since)
        .executeTakeFirst(),
      runsOfServer
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "=", "waiting")
        .executeTakeFirst(),
      runsOfServer
        .innerJoin("workflows", "workflows.id", "workflow_runs.workflow_id")
        .select([
          "workflow_runs.id",
          "workflow_runs.status",
          "workflow_runs.created_at",
          "workflow_runs.error",
          "workflows.name",
        ])
        .where("workflow_runs.status", "in", ["failed", "waiting"])
        .where("workflow_runs.test", "=", 0)
        .orderBy("workflow_runs.id", "desc")
        .limit(5)
        .execute(),
      (() => {
        let tq = db
          .selectFrom("events")
          .select((eb) => [
            "trigger",
            eb.fn.max("received_at").as("last"),
            eb.fn.sum<number>(eb.case().when("received_at", ">=", dayAgo).then(1).else(0).end()).as("day"),
          ])
          .where("trigger", "is not", null)
          .where("test", "=", 0);
        if (serverId !== null) tq = tq.where("server_id", "=", serverId);
        return tq.groupBy("trigger").execute();
      })(),
      db
        .selectFrom("webhook_refusals")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("at", ">=", dayAgo)
        .executeTakeFirst(),
      db.selectFrom("webhook_refusals").select("at").orderBy("id", "desc").limit(1).executeTakeFirst(),
      s.alerts.checker.repo.list({ status: "firing", server: serverId ?? undefined, limit: 20 }),
    ]);
    const byTrigger = new Map(triggers.map((t) => [t.trigger, t]));
    return c.json({
      serverId,
      approvals: {
        pending: Number(pending?.n ?? 0),
        oldest: oldest
          ? {
              id: Number(oldest.id),
              createdAt: oldest.created_at,
              expiresAt: oldest.expires_at,
              workflowName: oldest.name,
              ...requestLine(oldest.request),
            }
          : null,
      },
      runs: {
        failed: Number(failed?.n ?? 0),
        waiting: Number(waiting?.n ?? 0),
        recent: recent.map((r) => ({
          id: Number(r.id),
          status: r.status,
          workflowName: r.name,
          createdAt: r.created_at,
          error: r.error,
        })),
      },
      webhooks: {
        triggers: triggerIds.map((t) => ({
          trigger: t,
          lastAt: byTrigger.get(t)?.last ? String(byTrigger.get(t)!.last) : null,
          last24h: Number(byTrigger.get(t)?.day ?? 0),
        })),
        refusals: { last24h: Number(refusals?.n ?? 0), lastAt: lastRefusal?.at ?? null },
      },
      alerts,
      since,
    } satisfies OverviewResponse);
  });

  app.get("/health", async (c) => {
    const q = daysParam.parse(c.req.query());
    const serverId = q.server ?? (await s.connection.defaultServerId().catch(() => null));
    const user = c.get("session").user;
    return c.json(
      await healthVerdicts(
        { execute: s.execute, store: s.store },
        user,
        serverId,
        q.days,
        s.clock(),
        await s.alerts.thresholds.get(),
      ),
    );
  });

  app.get("/servers", async (c) => {
    const conn = await s.connection.current();
    if (!conn.accountToken) return c.json({ servers: [], account: false } satisfies OverviewServersResponse);
    const user = c.get("session").user;
    const t = await s.alerts.thresholds.get();
    const today = windowRange(s.clock(), 1);
    const firing = await s.alerts.checker.repo.list({ status: "firing", limit: 200 });
    const servers = await knownServers(s);
    const rows = await Promise.all(
      servers.slice(0, 50).map(async (sv) => {
        const base = { serverId: sv.id, name: sv.name, firing: firing.filter((a) => a.serverId === sv.id).length };
        try {
          return {
            ...base,
            today: await volume({ execute: s.execute, store: s.store }, user, { serverId: sv.id }, today, t),
            error: null,
          };
        } catch (e) {
          return { ...base, today: null, error: (e as Error).message };
        }
      }),
    );
    return c.json({ servers: rows, account: true } satisfies OverviewServersResponse);
  });

  app.get("/tags", async (c) => {
    const q = daysParam.parse(c.req.query());
    const serverId = q.server ?? (await s.connection.defaultServerId().catch(() => null));
    const tags = await tagsSeen(s.store, serverId, new Date(s.clock() - q.days * DAY).toISOString(), 200);
    return c.json({ tags } satisfies TagsResponse);
  });
  return app;
}
