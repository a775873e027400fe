import { Hono, type Context } from "hono";
import { z } from "zod";
import {
  createRequest,
  observeRequest,
  saveRequest,
  versionsQuery,
  type VersionsResponse,
} from "../../contract/api/template-studio";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { createTemplateStudio, PostmarkAnswer } from "./studio";

/** /api/template-studio/*: mounted behind requireSession; every Postmark call goes through execute() as the user. */
export function templateStudioRoutes(s: Services) {
  const studio = createTemplateStudio(s, s.clock);
  const app = new Hono<AppEnv>();
  const who = (c: Context<AppEnv>) => ({ user: c.get("session").user, requestId: c.get("requestId") });
  const body = <T>(c: Context<AppEnv>, schema: { parse(v: unknown): T }) => readJson(c, s.config.maxBodyBytes, schema);

  // Postmark's refusal goes back as Postmark sent it (status and {ErrorCode, Message}).
  const answer = async (c: Context<AppEnv>, work: () => Promise<unknown>, status: 200 | 201 = 200) => {
    try {
      return c.json(await work(), status);
    } catch (e) {
      if (e instanceof PostmarkAnswer)
        return new Response(e.result.body, {
          status: e.result.status,
          headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
        });
      throw e;
    }
  };

  app.post("/observe", async (c) => {
    const req = await body(c, observeRequest);
    return answer(c, () => studio.observe(who(c), req));
  });
  app.post("/save", async (c) => {
    const req = await body(c, saveRequest);
    return answer(c, () => studio.save(who(c), req));
  });
  app.post("/create", async (c) => {
    const req = await body(c, createRequest);
    return answer(c, () => studio.create(who(c), req), 201);
  });
  app.get("/versions", async (c) => {
    const q = versionsQuery.parse(c.req.query());
    return c.json({ versions: await studio.history.list(q.serverId, q.templateId) } satisfies VersionsResponse);
  });
  app.get("/versions/:id", async (c) => {
    const id = z.coerce.number().int().positive().safeParse(c.req.param("id"));
    if (!id.success) throw new ApiFailure(400, "bad_request", "A version id is a positive number.");
    const v = await studio.history.get(id.data);
    if (!v) throw new ApiFailure(404, "not_found", `There is no template version ${id.data}.`);
    return c.json(v);
  });
  return app;
}
