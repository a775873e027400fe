import { Hono } from "hono";
import type { ApproversResponse } from "../../contract/api/approvers";
import { roleMay, type Role } from "../../contract/api/auth";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";

/** GET /api/approvers: who could approve a step, so the editor can warn when nobody but the author could. */
export function approversRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    const users = await s.store.users.list();
    const approvers = users
      .filter((u) => roleMay.decideApprovals(u.role as Role))
      .map((u) => ({ username: u.username, role: u.role as Role }));
    return c.json({ approvers } satisfies ApproversResponse);
  });
  return app;
}
