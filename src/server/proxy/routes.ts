import { Hono } from "hono";
import { ApiFailure } from "../errors";
import { rawTarget } from "../http/client-address";
import { readBodyText } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { splitRawTarget } from "./path-guard";
import { holdsMask, maskSecrets } from "./secret-mask";
import { unmaskEdit } from "./unmask-edit";

export const PROXY_PREFIX = "/api/postmark";

/** `ANY /api/postmark/*`: a thin wrapper around execute(); mounted behind requireSession. */
export function proxyRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.all("*", async (c) => {
    const { path, query } = splitRawTarget(rawTarget(c), PROXY_PREFIX);
    const serverId = parseServerHeader(c.req.header("x-mailroom-server"));
    const user = c.get("session").user;
    const requestId = c.get("requestId");
    const result = await s.execute({
      method: c.req.method,
      path,
      query,
      serverId,
      user,
      requestId,
      rawBody: async (maxBytes, tooLarge) => {
        const text = await readBodyText(c, maxBytes, tooLarge);
        if (!holdsMask(text)) return text;
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return text; // execute() answers 400 for invalid JSON
        }
        const read = (p: string) => s.execute({ method: "GET", path: p, serverId, user, requestId });
        return JSON.stringify(await unmaskEdit(body, c.req.method, path, read));
      },
    });
    // Only JSON or plain text go back, so an odd upstream cannot serve HTML from Mailroom's origin.
    const type = /^(application\/json|text\/plain)\b/i.test(result.contentType)
      ? result.contentType
      : "text/plain; charset=utf-8";
    // Webhook credentials never reach a browser, whatever the role (admins see Mailroom's own in Settings → Webhooks).
    return new Response(maskSecrets(result.body), {
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
