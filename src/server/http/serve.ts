import http from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { App } from "../app";

/**
 * Mailroom's HTTP server: the routes answered straight from node's request (app.nodeRoutes)
 * first, then the Hono app for everything else. `hostname` names the server when a request has
 * no Host header, as @hono/node-server's serve() does.
 */
export function createMailroomServer(app: App, hostname?: string): http.Server {
  const hono = getRequestListener(app.fetch, { hostname });
  return http.createServer((req, res) => {
    if (!app.nodeRoutes(req, res)) void hono(req, res);
  });
}
