import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "./types";

/** Extensions of files a browser fetches as such; a missing one is a 404, never the SPA page. */
const assetExtensions = new Set([
  "js",
  "mjs",
  "cjs",
  "css",
  "map",
  "json",
  "txt",
  "xml",
  "webmanifest",
  "wasm",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "avif",
  "svg",
  "ico",
  "woff",
  "woff2",
  "ttf",
  "otf",
  "eot",
  "mp3",
  "mp4",
  "webm",
  "pdf",
  "zip",
]);

// Only the intake is reserved under /webhooks: /webhooks itself is the console's Webhooks page.
function isApiPath(p: string): boolean {
  return p === "/api" || p.startsWith("/api/") || p === "/webhooks/postmark" || p.startsWith("/webhooks/postmark/");
}

/**
 * True when the request clearly asks for a file: anything under /assets/ (Vite's hashed output) or
 * a path ending in a static file extension. Client routes may contain dots (`/operations/domains.get`),
 * so a dot alone does not make a path an asset.
 */
export function isAssetRequest(p: string): boolean {
  if (p.startsWith("/assets/")) return true;
  const ext = /\.([a-z0-9]+)$/i.exec(p)?.[1];
  return ext !== undefined && assetExtensions.has(ext.toLowerCase());
}

/**
 * Serves the built SPA: files from `root` (hashed assets cached for a year), and index.html
 * for any other GET that is not an API or webhook path, so client routes survive a reload.
 */
export function mountSpa(app: Hono<AppEnv>, root: string) {
  const indexFile = path.join(root, "index.html");
  const files = serveStatic({ root: path.relative(process.cwd(), root) || "." });
  app.use("*", async (c, next) => {
    if (isApiPath(c.req.path)) return next();
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
    if (isApiPath(p) || isAssetRequest(p)) return next();
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
