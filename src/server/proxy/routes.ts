import { Hono } from "hono";
import { matchOperation } from "../../contract/postmark/index";
import { ApiFailure } from "../errors";
import { rawTarget } from "../http/client-address";
import { readBodyText } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import type { ExecuteResult } from "./execute";
import { splitRawTarget } from "./path-guard";
import { holdsMask, maskSecrets, restoreSecrets } from "./secret-mask";

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
        return holdsMask(text)
          ? unmaskEdit(text, c.req.method, path, (p) =>
              s.execute({ method: "GET", path: p, serverId, user, requestId }),
            )
          : text;
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

/**
 * An edit that sends masked values back (a form showing Postmark's masked answer): the real
 * values are read from Postmark's current object (the GET at the same path) and put back.
 * A create, or an object Mailroom cannot read, has nothing to restore from: refused.
 */
async function unmaskEdit(
  text: string,
  method: string,
  path: string,
  read: (path: string) => Promise<ExecuteResult>,
): Promise<string> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text; // execute() answers 400 for invalid JSON
  }
  const upper = method.toUpperCase();
  if ((upper !== "PUT" && upper !== "PATCH") || !matchOperation("GET", path))
    return JSON.stringify(restoreSecrets(body, null));
  const current = await read(path);
  if (current.status !== 200) {
    throw new ApiFailure(
      409,
      "conflict",
      `Mailroom could not read the current values to keep the masked secrets (Postmark answered ${current.status}). Type the secrets again.`,
    );
  }
  return JSON.stringify(restoreSecrets(body, JSON.parse(current.body)));
}

function parseServerHeader(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  if (!/^\d{1,12}$/.test(value.trim())) {
    throw new ApiFailure(400, "bad_request", "X-Mailroom-Server must be a Postmark server id (a number).");
  }
  return Number(value.trim());
}
