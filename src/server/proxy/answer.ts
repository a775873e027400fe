import type { ActiveSession } from "../auth/sessions";
import { ApiFailure } from "../errors";
import type { Services } from "../services";
import { splitRawTarget } from "./path-guard";
import { holdsMask, maskSecrets } from "./secret-mask";
import { unmaskEdit } from "./unmask-edit";

export const PROXY_PREFIX = "/api/postmark";

/** A browser's call of `ANY /api/postmark/*`, once its session is known. */
export interface ProxyRequest {
  method: string;
  /** The request target exactly as sent (before URL normalisation). */
  rawTarget: string;
  /** The X-Mailroom-Server header. */
  serverHeader: string | undefined;
  user: ActiveSession["user"];
  requestId: string;
  /** Reads the body text, stopping past `maxBytes`; called only for operations that send one. */
  readBody?: (maxBytes: number, tooLarge: () => ApiFailure) => Promise<string>;
}

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Calls the operation through execute() and shapes Postmark's answer for the browser. */
export async function proxyAnswer(s: Pick<Services, "execute">, req: ProxyRequest): Promise<ProxyAnswer> {
  const { path, query } = splitRawTarget(req.rawTarget, PROXY_PREFIX);
  const serverId = parseServerHeader(req.serverHeader);
  const { user, requestId, readBody } = req;
  const result = await s.execute({
    method: req.method,
    path,
    query,
    serverId,
    user,
    requestId,
    rawBody: readBody
      ? async (maxBytes, tooLarge) => {
          const text = await readBody(maxBytes, tooLarge);
          if (!holdsMask(text)) return text;
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            return text; // execute() answers 400 for invalid JSON
          }
          const read = (p: string) => s.execute({ method: "GET", path: p, serverId, user, requestId });
          return JSON.stringify(await unmaskEdit(body, req.method, path, read));
        }
      : undefined,
  });
  // Only JSON or plain text go back, so an odd upstream cannot serve HTML from Mailroom's origin.
  const type = /^(application\/json|text\/plain)\b/i.test(result.contentType)
    ? result.contentType
    : "text/plain; charset=utf-8";
  return {
    status: result.status,
    headers: { "Content-Type": type, "X-Mailroom-Operation": result.operationId, "Cache-Control": "no-store" },
    // Webhook credentials never reach a browser, whatever the role (admins see Mailroom's own in Settings → Webhooks).
    body: maskSecrets(result.body),
  };
}

function parseServerHeader(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  if (!/^\d{1,12}$/.test(value.trim())) {
    throw new ApiFailure(400, "bad_request", "X-Mailroom-Server must be a Postmark server id (a number).");
  }
  return Number(value.trim());
}
