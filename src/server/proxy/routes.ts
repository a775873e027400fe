import { Hono } from "hono";
import { rawTarget } from "../http/client-address";
import { readBodyText } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { proxyAnswer } from "./answer";

/**
 * `ANY /api/postmark/*`: a thin wrapper around proxyAnswer(); mounted behind requireSession.
 * Reads served by Mailroom's own server skip Hono (./read-route.ts); this serves the rest.
 */
export function proxyRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.all("*", async (c) => {
    const answer = await proxyAnswer(s, {
      method: c.req.method,
      rawTarget: rawTarget(c),
      serverHeader: c.req.header("x-mailroom-server"),
      user: c.get("session").user,
      requestId: c.get("requestId"),
      readBody: (maxBytes, tooLarge) => readBodyText(c, maxBytes, tooLarge),
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
  return app;
}
