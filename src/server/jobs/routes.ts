import fs from "node:fs";
import { Hono } from "hono";
import { z } from "zod";
import {
  createJobRequest,
  jobItemsQuery,
  jobsQuery,
  type JobDetailResponse,
  type JobsResponse,
} from "../../contract/api/jobs";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { exportFile } from "./kinds/export";
import { presentItem, presentJob } from "./present";

const idParam = z.coerce.number().int().positive();

/** /api/jobs: list, start, follow (progress and per-item results), cancel, download. Behind requireSession. */
export function jobsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { repo } = s.jobs;

  app.get("/", async (c) => {
    const q = jobsQuery.parse(c.req.query());
    return c.json({ jobs: (await repo.list(q)).map(presentJob) } satisfies JobsResponse);
  });

  app.post("/", async (c) => {
    const req = await readJson(c, s.config.maxApiBodyBytes, createJobRequest);
    const job = await s.jobs.create(c.get("session").user, req, c.get("requestId"));
    return c.json({ job: presentJob(job) }, 201);
  });

  app.get("/:id{[0-9]+}", async (c) => {
    const job = await repo.get(idParam.parse(c.req.param("id")));
    if (!job) throw new ApiFailure(404, "not_found", "There is no such job.");
    const q = jobItemsQuery.parse(c.req.query());
    const items = await repo.items(job.id, { ...q, limit: q.limit + 1 });
    const page = items.slice(0, q.limit);
    const verdicts =
      job.kind === "reactivation-plan" ? await repo.countsBy(job.id, "verdict") : await repo.countsBy(job.id, "status");
    return c.json({
      job: presentJob(job),
      items: page.map(presentItem),
      verdicts,
      nextAfter: items.length > q.limit ? (page.at(-1)?.seq ?? null) : null,
    } satisfies JobDetailResponse);
  });

  app.post("/:id{[0-9]+}/cancel", async (c) => {
    const job = await s.jobs.cancel(c.get("session").user, idParam.parse(c.req.param("id")), c.get("requestId"));
    return c.json({ job: presentJob(job) });
  });

  app.get("/:id{[0-9]+}/download", async (c) => {
    const job = await repo.get(idParam.parse(c.req.param("id")));
    if (!job || job.kind !== "export") throw new ApiFailure(404, "not_found", "There is no such export.");
    if (job.status !== "succeeded")
      throw new ApiFailure(409, "conflict", `The export is ${job.status}; its file is ready once it has succeeded.`);
    const file = exportFile(s.config.dataDir, job.id);
    if (!fs.existsSync(file)) throw new ApiFailure(410, "gone", "The export file is no longer on this server.");
    const stat = fs.statSync(file);
    const stream = fs.createReadStream(file);
    return new Response(
      new ReadableStream({
        start(ctrl) {
          stream.on("data", (chunk) =>
            ctrl.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)),
          );
          stream.on("end", () => ctrl.close());
          stream.on("error", (e) => ctrl.error(e));
        },
        cancel() {
          stream.destroy();
        },
      }),
      {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Length": String(stat.size),
          "Content-Disposition": `attachment; filename="mailroom-export-${job.id}.csv"`,
          "Cache-Control": "no-store",
        },
      },
    );
  });

  return app;
}
