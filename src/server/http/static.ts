import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "./types";

/**
 * Serves the built SPA: files from `root` (hashed assets cached for a year), and index.html
 * for any other GET that is not an API or webhook path, so client routes survive a reload.
 */
export function mountSpa(app: Hono<AppEnv>, root: string) {
  const indexFile = path.join(root, "index.html");
  const files = serveStatic({ root: path.relative(process.cwd(), root) || "." });
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/webhooks/")) return next();
    const res = await files(c, next);
    // Set here, not in onFound: the response exists by then. Vite puts hashed files in /assets/.
    if (res instanceof Response && res.status === 200) {
      const immutable = c.req.path.startsWith("/assets/");
      res.headers.set("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    }
    return res;
  });
  app.get("*", async (c, next) => {
    const p = c.req.path;
    if (p.startsWith("/api/") || p === "/api" || p.startsWith("/webhooks/")) return next();
    // A missing asset is a 404, not the SPA page.
    if (/\.[a-z0-9]{1,8}$/i.test(p)) return next();
    let html: string;
    try {
      html = await fs.promises.readFile(indexFile, "utf8");
    } catch {
      return c.text("The web app is not built yet. Run `npm run build` (or `npm start`, which builds it).", 503);
    }
    c.header("Cache-Control", "no-cache");
    return c.html(html);
  });
}
