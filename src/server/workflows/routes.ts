import { Hono, type Context } from "hono";
import { z } from "zod";
import { roleMay } from "../../contract/api/auth";
import {
  testWorkflowRequest,
  type TestWorkflowResponse,
  type WorkflowDetail,
  type WorkflowsResponse,
  type WorkflowSummary,
  type WorkflowVersionsResponse,
} from "../../contract/api/workflows";
import type { WorkflowTriggerId } from "../../contract/workflows/trigger-ids";
import {
  authorityProblems,
  dryRun,
  validateWorkflow,
  workflowDocument,
  workflowJsonSchema,
  workflowTemplates,
  type WorkflowDocument,
} from "../../contract/workflows/index";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { requesterRefusal } from "./authority";
import { storedEvent, syntheticEvent, type EngineEvent } from "./engine-event";
import { presentRunDetail } from "./present";
import { requireRole } from "../http/require-role";
import type { WorkflowRow } from "./workflows-repo";

const idParam = z.coerce.number().int().positive();

/** /api/workflows: documents, versions, enable/disable, duplicate, test runs. Behind requireSession. */
export function workflowsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { workflows, runs, engine } = s.workflows;
  const edit = requireRole(roleMay.editWorkflows, "change or test workflows (it needs operator or admin)");
  const now = () => new Date(s.clock()).toISOString();
  const author = (c: Context<AppEnv>) => ({
    id: c.get("session").user.id,
    username: c.get("session").user.username,
    role: c.get("session").user.role,
  });

  /** A version acts with its author's authority, so no one may save steps beyond their own role. */
  function mayAuthor(c: Context<AppEnv>, doc: WorkflowDocument) {
    const role = c.get("session").user.role;
    const problems = authorityProblems(doc, role);
    if (problems.length) {
      throw new ApiFailure(
        403,
        "forbidden",
        `Your role (${role}) may not save this workflow: ${problems[0]!.message} A workflow acts with the authority of the person who saves it.`,
        problems,
      );
    }
  }

  async function mustGet(id: number): Promise<WorkflowRow> {
    const row = await workflows.get(id);
    if (!row) throw new ApiFailure(404, "not_found", "There is no such workflow.");
    return row;
  }

  async function summaries(rows: WorkflowRow[]): Promise<WorkflowSummary[]> {
    const last = await runs.lastRuns(rows.map((r) => r.id));
    const out: WorkflowSummary[] = [];
    for (const r of rows) {
      const v = await workflows.version(r.id, r.current_version);
      const lr = last.get(r.id);
      out.push({
        id: r.id,
        name: r.name,
        description: r.description,
        trigger: r.trigger as WorkflowTriggerId,
        enabled: r.enabled === 1,
        currentVersion: r.current_version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        updatedBy: v ? { id: v.saved_by, username: v.saved_by_name ?? "" } : null,
        disabledReason: r.enabled === 1 ? null : r.disabled_reason,
        lastRun: lr ? { id: lr.id, status: lr.status as "queued", createdAt: lr.created_at } : null,
      });
    }
    return out;
  }

  async function detail(row: WorkflowRow): Promise<WorkflowDetail> {
    const [summary] = await summaries([row]);
    const v = await workflows.version(row.id, row.current_version);
    const document: unknown = v ? JSON.parse(v.document) : null;
    return { ...summary!, document, problems: validateWorkflow(document).problems };
  }

  /** Parses a document; a shape that does not parse cannot be stored (other problems can, while disabled). */
  function checkDocument(input: unknown): WorkflowDocument {
    const v = validateWorkflow(input);
    if (!v.document)
      throw new ApiFailure(
        400,
        "validation_failed",
        `The workflow document is not valid: ${v.problems[0]?.message ?? "unknown problem"}`,
        v.problems,
      );
    return v.document;
  }
  const readDocument = (c: Context<AppEnv>) => readJson(c, s.config.maxApiBodyBytes, z.unknown());

  app.get("/", async (c) => c.json({ workflows: await summaries(await workflows.list()) } satisfies WorkflowsResponse));

  app.get("/schema", (c) => c.json(workflowJsonSchema()));

  app.post("/", edit, async (c) => {
    const input = await readDocument(c);
    const doc = checkDocument(input);
    mayAuthor(c, doc);
    const id = await workflows.create({
      name: doc.name,
      description: doc.description ?? "",
      trigger: doc.trigger.type,
      document: input,
      author: author(c),
      now: now(),
    });
    return c.json(await detail(await mustGet(id)), 201);
  });

  app.get("/:id{[0-9]+}", async (c) => c.json(await detail(await mustGet(idParam.parse(c.req.param("id"))))));

  app.put("/:id{[0-9]+}", edit, async (c) => {
    const id = idParam.parse(c.req.param("id"));
    await mustGet(id);
    const input = await readDocument(c);
    const doc = checkDocument(input);
    mayAuthor(c, doc);
    // An enabled workflow must stay valid; a save that breaks it is kept as a version but disables it.
    const broken = !validateWorkflow(input).ok;
    await workflows.saveVersion(id, {
      name: doc.name,
      description: doc.description ?? "",
      trigger: doc.trigger.type,
      document: input,
      author: author(c),
      now: now(),
      disable: broken,
    });
    engine.invalidate();
    return c.json(await detail(await mustGet(id)));
  });

  app.delete("/:id{[0-9]+}", edit, async (c) => {
    const id = idParam.parse(c.req.param("id"));
    if (!(await workflows.remove(id, now()))) throw new ApiFailure(404, "not_found", "There is no such workflow.");
    engine.invalidate();
    return c.json({ ok: true as const });
  });

  app.get("/:id{[0-9]+}/versions", async (c) => {
    const id = idParam.parse(c.req.param("id"));
    await mustGet(id);
    const versions = await workflows.versions(id);
    return c.json({
      versions: versions.map((v) => ({
        version: v.version,
        savedAt: v.saved_at,
        savedBy: { id: v.saved_by, username: v.saved_by_name ?? "" },
        document: JSON.parse(v.document) as unknown,
      })),
    } satisfies WorkflowVersionsResponse);
  });

  app.post("/:id{[0-9]+}/enable", edit, async (c) => {
    const row = await mustGet(idParam.parse(c.req.param("id")));
    const v = await workflows.version(row.id, row.current_version);
    const result = validateWorkflow(v ? JSON.parse(v.document) : null);
    if (!result.ok) {
      const errors = result.problems.filter((p) => p.severity === "error");
      throw new ApiFailure(
        400,
        "validation_failed",
        `This workflow has ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix before it can be enabled: ${errors[0]?.message ?? ""}`,
        result.problems,
      );
    }
    const refusal = await engine.authority.refusal(v!.id, result.document!);
    if (refusal)
      throw new ApiFailure(
        409,
        "conflict",
        `This workflow cannot be enabled: ${refusal} Someone whose role allows every step must save it again.`,
      );
    await workflows.setEnabled(row.id, true, now());
    engine.invalidate();
    return c.json(await detail(await mustGet(row.id)));
  });

  app.post("/:id{[0-9]+}/disable", edit, async (c) => {
    const row = await mustGet(idParam.parse(c.req.param("id")));
    await workflows.setEnabled(row.id, false, now());
    engine.invalidate();
    return c.json(await detail(await mustGet(row.id)));
  });

  app.post("/:id{[0-9]+}/duplicate", edit, async (c) => {
    const row = await mustGet(idParam.parse(c.req.param("id")));
    const v = await workflows.version(row.id, row.current_version);
    const document = {
      ...(JSON.parse(v!.document) as Record<string, unknown>),
      name: `${row.name} (copy)`.slice(0, 120),
    };
    const parsed = workflowDocument.safeParse(document);
    if (parsed.success) mayAuthor(c, parsed.data);
    const id = await workflows.create({
      name: document.name as string,
      description: row.description,
      trigger: row.trigger,
      document,
      author: author(c),
      now: now(),
    });
    return c.json(await detail(await mustGet(id)), 201);
  });

  app.post("/:id{[0-9]+}/test", edit, async (c) => {
    const row = await mustGet(idParam.parse(c.req.param("id")));
    const body = await readJson(c, s.config.maxApiBodyBytes, testWorkflowRequest);
    const version = (await workflows.version(row.id, row.current_version))!;
    const document: unknown = JSON.parse(version.document);
    let event: EngineEvent;
    if ("eventId" in body.event) {
      const stored = await s.events.repo.get(body.event.eventId);
      if (!stored) throw new ApiFailure(404, "not_found", "There is no such event (it may have been pruned).");
      const found = storedEvent(stored);
      if (!found)
        throw new ApiFailure(
          400,
          "validation_failed",
          "That event is of no known trigger, so no workflow can run on it.",
        );
      event = found;
    } else {
      event = syntheticEvent(body.event.trigger, body.event.payload, body.event.serverId);
    }
    const dry = dryRun(document, event.payload, body.responses ?? {});
    if (body.mode === "dry") return c.json({ mode: "dry", dryRun: dry, run: null } satisfies TestWorkflowResponse);

    const conn = await s.connection.current();
    if (conn.mode === "live" && body.confirmLive !== true) {
      throw new ApiFailure(
        400,
        "validation_failed",
        "A real test in live mode sends to Postmark for real. Repeat it with confirmLive: true if that is what you want.",
      );
    }
    const checked = validateWorkflow(document);
    if (!checked.ok)
      throw new ApiFailure(
        400,
        "validation_failed",
        "Fix the workflow's problems before a real test; a dry run shows them.",
        dry.problems,
      );
    // A real test calls Postmark as the version's author, and at the requester's word.
    const refusal = await engine.authority.refusal(version.id, checked.document!);
    if (refusal)
      throw new ApiFailure(
        409,
        "conflict",
        `This workflow cannot run: ${refusal} Someone whose role allows every step must save it again.`,
      );
    const role = c.get("session").user.role;
    // In the sandbox nothing real is at stake, so approval steps run straight away (if the requester could call them); live tests still park.
    const autoApprove = conn.mode === "sandbox" && requesterRefusal(checked.document!, role, true) === null;
    const mine = requesterRefusal(checked.document!, role, autoApprove);
    if (mine)
      throw new ApiFailure(403, "forbidden", `Your role (${role}) may not test this workflow for real: ${mine}`);
    const runId = await engine.createRun(row.id, version.id, version.version, event, {
      test: true,
      createdBy: c.get("session").user.username,
    });
    await engine.runNow(runId, { autoApprove });
    const run = (await runs.get(runId))!;
    return c.json(
      {
        mode: "real",
        dryRun: dry,
        run: await presentRunDetail(s.store.db, s.workflows.approvals, run, await runs.steps(runId)),
      } satisfies TestWorkflowResponse,
      201,
    );
  });

  return app;
}

/** GET /api/workflow-templates: the ready-made library. */
export function workflowTemplatesRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => c.json({ templates: workflowTemplates }));
  return app;
}
