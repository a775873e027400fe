import { Hono, type Context } from "hono";
import type { IntakeResponse } from "../../contract/api/events";
import { classifyPayload, triggerPayloads } from "../../contract/postmark/triggers";
import { ApiFailure } from "../errors";
import { clientAddress } from "../http/client-address";
import { readBodyText } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { SECRET_HEADER } from "./credentials";
import { eventRow } from "./event-row";
import { dedupeKey } from "./dedupe";

const positiveInt = (v: string | undefined): number | null => (v && /^[1-9]\d{0,15}$/.test(v) ? Number(v) : null);

/**
 * POST /webhooks/postmark[/:serverId][?server=<id>]: Postmark's target for all 8 triggers.
 * Answers only 200 (stored or duplicate), 400 (not JSON), 401 (credentials), 413 (too large)
 * and 503 (could not store: Postmark retries). The 200 goes out only after the commit.
 */
export function intakeRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { events } = s;

  async function handle(c: Context<AppEnv>, pathServer: string | undefined) {
    let refusal: string | null;
    try {
      refusal = await events.credentials.refuse(c.req.header("authorization"), c.req.header(SECRET_HEADER));
    } catch {
      throw unavailable();
    }
    if (refusal) {
      const address = clientAddress(c, s.config.trustProxy);
      events.refusals.record(new Date(s.clock()).toISOString(), address, refusal).catch(() => {});
      s.logger.warn("webhook refused", { address, reason: refusal });
      s.notifier.intakeRefused(address, refusal);
      throw new ApiFailure(401, "unauthenticated", "Webhook credentials are missing or wrong.", undefined, {
        "WWW-Authenticate": 'Basic realm="Mailroom webhooks", charset="UTF-8"',
      });
    }

    const raw = await readBodyText(
      c,
      s.config.events.maxWebhookBytes,
      () =>
        new ApiFailure(
          413,
          "payload_too_large",
          `The webhook body is larger than Mailroom accepts (WEBHOOK_MAX_BYTES=${s.config.events.maxWebhookBytes}).`,
        ),
    );
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new ApiFailure(400, "bad_request", "The webhook body is not valid JSON.");
    }

    let trigger = classifyPayload(body);
    let problem: string | null = null;
    if (trigger) {
      const check = triggerPayloads[trigger].safeParse(body);
      if (!check.success) {
        const issue = check.error.issues[0];
        problem = `Looks like ${trigger} but ${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "does not match its schema"}`;
        trigger = null;
      }
    } else {
      problem = "No known trigger has this shape.";
    }
    if (!trigger) s.logger.warn("unrecognised webhook stored", { problem });

    const payloadServer = (body as { ServerID?: unknown } | null)?.ServerID;
    const urlServer = positiveInt(pathServer) ?? positiveInt(c.req.query("server"));
    const row = eventRow({
      trigger,
      payload: body,
      raw,
      serverId: typeof payloadServer === "number" && Number.isInteger(payloadServer) ? payloadServer : urlServer,
      receivedAt: new Date(s.clock()).toISOString(),
      dedupeKey: dedupeKey(c.req.header("x-pm-webhook-trace-id"), trigger, body, raw),
      test: false,
      problem,
    });
    try {
      const r = await events.writer.write(row, body);
      return c.json({ ok: true, id: r.id, duplicate: r.duplicate } satisfies IntakeResponse, 200);
    } catch (e) {
      s.logger.error("webhook could not be stored; answered 503 so Postmark retries", { error: (e as Error)?.message });
      throw unavailable();
    }
  }

  app.post("/", (c) => handle(c, undefined));
  app.post("/:serverId", (c) => handle(c, c.req.param("serverId")));
  return app;
}

const unavailable = () =>
  new ApiFailure(503, "unavailable", "Mailroom cannot store events right now; Postmark will retry.", undefined, {
    "Retry-After": "60",
  });
