import { Hono } from "hono";
import { createDataRemovalRequest, type DataRemovalsResponse } from "../../contract/api/data-removals";
import type { ActiveSession } from "../auth/sessions";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import { requireAdmin } from "../http/require-session";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";

/**
 * /api/data-removals: the account's removal requests made through Mailroom, for every admin
 * (creating one is a destructive Postmark operation, so admins only; execute() checks it again).
 */
export function dataRemovalsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.use("*", requireAdmin());
  const actor = (c: { get(k: "session"): ActiveSession }) => {
    const u = c.get("session").user;
    return { id: u.id, username: u.username, role: u.role };
  };

  app.get("/", async (c) => c.json({ removals: await s.dataRemovals.list() } satisfies DataRemovalsResponse));

  app.post("/", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, createDataRemovalRequest);
    const r = await s.dataRemovals.create(actor(c), body);
    // Postmark's refusal reaches the browser as it came, ErrorCode and Message included.
    if ("refused" in r)
      return c.body(r.refused.body, r.refused.status as 400, { "Content-Type": "application/json; charset=utf-8" });
    return c.json(r.record, 201);
  });

  app.post("/:id/check", async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id) || id <= 0)
      throw new ApiFailure(400, "validation_failed", "The request id must be a positive whole number.");
    const record = await s.dataRemovals.checkNow(id, actor(c));
    if (!record) throw new ApiFailure(404, "not_found", `There is no data removal request ${id} in Mailroom.`);
    return c.json(record);
  });
  return app;
}
