import { Hono } from "hono";
import { z } from "zod";
import { roleMay } from "../../contract/api/auth";
import { runsQuery, type RunsResponse } from "../../contract/api/workflows";
import { ApiFailure } from "../errors";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { requesterRefusal } from "./authority";
import { eventOfRun } from "./engine-event";
import { presentRunDetail, presentRunSummary, workflowNames } from "./present";
import { requireRole } from "../http/require-role";

const idParam = z.coerce.number().int().positive();

/** /api/runs: runs newest first (keyset), one run with its steps, re-run. Behind requireSession. */
export function runsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { workflows, runs, engine } = s.workflows;

  app.get("/", async (c) => {
    const q = runsQuery.parse(c.req.query());
    const rows = await runs.list({ ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const names = await workflowNames(
      s.store.db,
      page.map((r) => r.workflow_id),
    );
    return c.json({
      runs: page.map((r) => presentRunSummary(r, names.get(r.workflow_id) ?? "")),
      nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    } satisfies RunsResponse);
  });

  app.get("/:id{[0-9]+}", async (c) => {
    const run = await runs.get(idParam.parse(c.req.param("id")));
    if (!run) throw new ApiFailure(404, "not_found", "There is no such run.");
    return c.json(await presentRunDetail(s.store.db, s.workflows.approvals, run, await runs.steps(run.id)));
  });

  // A new run of the same event with the workflow's current version.
  app.post(
    "/:id{[0-9]+}/rerun",
    requireRole(roleMay.editWorkflows, "re-run workflows (it needs operator or admin)"),
    async (c) => {
      const old = await runs.get(idParam.parse(c.req.param("id")));
      if (!old) throw new ApiFailure(404, "not_found", "There is no such run.");
      const wf = await workflows.get(old.workflow_id);
      if (!wf) throw new ApiFailure(409, "conflict", "The workflow of this run was deleted, so it cannot run again.");
      const version = (await workflows.version(wf.id, wf.current_version))!;
      // The new run calls Postmark as the version's author, and at the requester's word: both need the authority.
      const doc = await engine.docFor(version.id);
      const refusal = await engine.authority.refusal(version.id, doc);
      if (refusal)
        throw new ApiFailure(
          409,
          "conflict",
          `This workflow cannot run: ${refusal} Someone whose role allows every step must save it again.`,
        );
      const role = c.get("session").user.role;
      const mine = requesterRefusal(doc, role, false);
      if (mine) throw new ApiFailure(403, "forbidden", `Your role (${role}) may not re-run this workflow: ${mine}`);
      const id = await engine.createRun(wf.id, version.id, version.version, eventOfRun(old), {
        test: old.test === 1,
        rerunOf: old.id,
        createdBy: c.get("session").user.username,
      });
      await engine.runNow(id);
      const run = (await runs.get(id))!;
      return c.json(await presentRunDetail(s.store.db, s.workflows.approvals, run, await runs.steps(id)), 201);
    },
  );

  return app;
}
