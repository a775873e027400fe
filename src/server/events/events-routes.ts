import crypto from "node:crypto";
import { Hono } from "hono";
import { eventsQuery, testEventRequest, type EventsResponse, type TestEventResponse } from "../../contract/api/events";
import { roles } from "../../contract/api/auth";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { eventRow } from "./event-row";
import { presentRow } from "./present";
import { sseHandler } from "./sse";
import { testPayload } from "./test-events";
import { syntheticEvent } from "../workflows/engine-event";
import { eventRefusal } from "../workflows/event-authority";

/** /api/events: history (keyset-paged), one event, the live stream, test events. Behind requireSession. */
export function eventsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { repo } = s.events;

  app.get("/", async (c) => {
    const q = eventsQuery.parse(c.req.query());
    if (q.before !== undefined && q.after !== undefined)
      throw new ApiFailure(400, "validation_failed", "Use before or after, not both.");
    if (q.after !== undefined) {
      const rows = await repo.pageAfter(q, q.after, q.limit + 1);
      const more = rows.length > q.limit;
      const page = rows.slice(0, q.limit);
      return c.json({
        events: page.reverse().map((r) => presentRow(r)),
        nextBefore: null,
        nextAfter: more ? (page[0]?.id ?? null) : null,
      } satisfies EventsResponse);
    }
    const rows = await repo.pageBefore(q, q.before, q.limit + 1);
    const more = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    return c.json({
      events: page.map((r) => presentRow(r)),
      nextBefore: more ? (page.at(-1)?.id ?? null) : null,
      nextAfter: null,
    } satisfies EventsResponse);
  });

  app.get("/stream", sseHandler(s));

  app.get("/:id{[0-9]+}", async (c) => {
    const row = await repo.get(Number(c.req.param("id")));
    if (!row) throw new ApiFailure(404, "not_found", "There is no such event (it may have been pruned).");
    return c.json(presentRow(row, { full: true }));
  });

  app.post("/test", async (c) => {
    const user = c.get("session").user;
    if (roles.indexOf(user.role) < roles.indexOf("operator")) {
      throw new ApiFailure(403, "forbidden", `Sending test events needs the operator role; yours is ${user.role}.`);
    }
    const body = await readJson(c, s.config.maxApiBodyBytes, testEventRequest);
    const conn = await s.connection.current();
    const serverId = body.serverId ?? (await s.connection.defaultServerId().catch(() => null));
    const payload = testPayload(body.trigger, serverId, s.clock());
    // The runs it starts act at the requester's word (as a re-run or a real test): refused when
    // a workflow it would start holds a step that runs without approval and the requester may not call.
    const { workflows, engine } = s.workflows;
    const refusal = await eventRefusal(
      { workflows, docFor: engine.docFor },
      syntheticEvent(body.trigger, payload, serverId),
      user.role,
    );
    if (refusal)
      throw new ApiFailure(403, "forbidden", `Your role (${user.role}) may not send this test event: ${refusal}`);

    if (conn.mode === "sandbox") {
      const sb = s.sandbox ? await s.sandbox() : null;
      if (!sb?.emitEvent) throw new ApiFailure(503, "not_configured", "The sandbox cannot emit test events.");
      if (serverId === null || !sb.emitEvent(serverId, body.trigger, payload)) {
        throw new ApiFailure(404, "not_found", `Server ${serverId ?? "(none)"} is not a sandbox server.`);
      }
      return c.json({ mode: "sandbox", event: null, serverId } satisfies TestEventResponse, 202);
    }

    // Live mode: never sent to Postmark; stored as a test event through the same writer.
    const raw = JSON.stringify(payload);
    const row = eventRow({
      trigger: body.trigger,
      payload,
      raw,
      serverId,
      receivedAt: new Date(s.clock()).toISOString(),
      dedupeKey: `test:${crypto.randomUUID()}`,
      test: true,
      problem: null,
    });
    const r = await s.events.writer.write(row, payload).catch(() => {
      throw new ApiFailure(503, "unavailable", "The event store cannot write right now.");
    });
    return c.json(
      { mode: "live", event: presentRow({ ...row, id: r.id ?? 0 }, { payload }), serverId } satisfies TestEventResponse,
      201,
    );
  });

  return app;
}
