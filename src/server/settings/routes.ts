import { Hono } from "hono";
import { saveConnectionRequest, type ServersResponse } from "../../contract/api/settings";
import { readJson } from "../http/read-body";
import { requireAdmin } from "../http/require-session";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";

/** /api/settings/*: mounted behind requireSession. */
export function settingsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const actor = (c: { get(k: "session"): { user: { id: number; username: string } } }) => c.get("session").user;

  app.get("/connection", async (c) => c.json(await s.settings.status()));
  app.put("/connection", requireAdmin(), async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, saveConnectionRequest);
    return c.json(await s.settings.save(body, actor(c)));
  });
  app.delete("/connection", requireAdmin(), async (c) => c.json(await s.settings.forget(actor(c))));
  return app;
}

/** GET /api/servers: the servers the UI can switch between. */
export function serversRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    const conn = await s.connection.current();
    if (conn.accountToken) {
      const servers = await s.connection.listServers();
      return c.json({
        servers: servers.map(({ id, name, color }) => ({ id, name, color })),
        defaultServerId: await s.connection.defaultServerId(),
      } satisfies ServersResponse);
    }
    const own = conn.serverToken ? await s.connection.serverTokenServer() : null;
    if (own) return c.json({ servers: [own], defaultServerId: own.id } satisfies ServersResponse);
    return c.json({ servers: [], defaultServerId: null } satisfies ServersResponse);
  });
  return app;
}
