import { Hono } from "hono";
import { z } from "zod";
import { wiringRequest, type WebhookRefusalsResponse, type WiringPlanResponse } from "../../contract/api/events";
import { readJson } from "../http/read-body";
import { requireAdmin } from "../http/require-session";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { createWiring, type ServerChoice } from "./service";

const serverQuery = z.object({
  server: z.union([z.literal("all"), z.coerce.number().int().min(1)]).optional(),
});

/** /api/wiring (admin): credentials, check, plan, apply, refused attempts. Behind requireSession. */
export function wiringRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const wiring = createWiring(s);
  app.use("*", requireAdmin());

  app.get("/", async (c) => {
    const q = serverQuery.parse(c.req.query());
    const which: ServerChoice = q.server === undefined ? undefined : q.server === "all" ? "all" : [q.server];
    return c.json(await wiring.check(c.get("session").user, which));
  });
  app.get("/credentials", async (c) => c.json(await wiring.credentials()));
  app.get("/refusals", async (c) => {
    const rows = await s.events.refusals.recent(200);
    return c.json({ refusals: rows } satisfies WebhookRefusalsResponse);
  });
  app.post("/plan", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, wiringRequest);
    const calls = await wiring.plan(c.get("session").user, body.servers);
    return c.json({ changes: calls.map((x) => x.change) } satisfies WiringPlanResponse);
  });
  app.post("/apply", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, wiringRequest);
    const user = c.get("session").user;
    const result = await wiring.apply(user, body.servers);
    await s.store.audit.record(
      {
        actor: { id: user.id, username: user.username },
        action: "settings.webhooks.apply",
        target: `servers:${Array.isArray(body.servers) ? body.servers.join(",") : "all"}`.slice(0, 500),
        requestId: c.get("requestId"),
        outcome: result.applied.every((a) => a.status < 400) ? "success" : "failure",
        detail: `${result.applied.length} Postmark call(s): ${result.applied.map((a) => `${a.method} ${a.path} → ${a.status}`).join(", ")}`,
        details: {
          servers: body.servers ?? "all",
          calls: result.applied.map((a) => ({ method: a.method, path: a.path, status: a.status })),
        },
      },
      new Date(s.clock()).toISOString(),
    );
    return c.json(result);
  });
  return app;
}
