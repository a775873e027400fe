import { Hono } from "hono";
import { ApiFailure } from "../errors";
import { rawTarget } from "../http/client-address";
import { readBodyText } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { splitRawTarget } from "./path-guard";

export const PROXY_PREFIX = "/api/postmark";

/** `ANY /api/postmark/*`: a thin wrapper around execute(); mounted behind requireSession. */
export function proxyRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.all("*", async (c) => {
    const { path, query } = splitRawTarget(rawTarget(c), PROXY_PREFIX);
    const result = await s.execute({
      method: c.req.method,
      path,
      query,
      serverId: parseServerHeader(c.req.header("x-mailroom-server")),
      user: c.get("session").user,
      requestId: c.get("requestId"),
      rawBody: (maxBytes, tooLarge) => readBodyText(c, maxBytes, tooLarge),
    });
    // Only JSON or plain text go back, so an odd upstream cannot serve HTML from Mailroom's origin.
    const type = /^(application\/json|text\/plain)\b/i.test(result.contentType) ? result.contentType : "text/plain; charset=utf-8";
    return new Response(result.body, {
      status: result.status,
      headers: { "Content-Type": type, "X-Mailroom-Operation": result.operationId, "Cache-Control": "no-store" },
    });
  });
  return app;
}

function parseServerHeader(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  if (!/^\d{1,12}$/.test(value.trim())) {
    throw new ApiFailure(400, "bad_request", "X-Mailroom-Server must be a Postmark server id (a number).");
  }
  return Number(value.trim());
}
