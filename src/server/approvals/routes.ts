import { Hono, type Context } from "hono";
import { z } from "zod";
import { roleMay } from "../../contract/api/auth";
import {
  approvalsQuery,
  approveRequest,
  bulkDecisionRequest,
  rejectRequest,
  type ApprovalsResponse,
  type BulkDecisionResponse,
  type DecisionResponse,
} from "../../contract/api/approvals";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { requireRole } from "../http/require-role";
import { presentApprovals } from "./present";

const idParam = z.coerce.number().int().positive();

/** /api/approvals: the queue, one item, and decisions (approver, operator, admin). Behind requireSession. */
export function approvalsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { approvals, decisions } = s.workflows;
  const decide = requireRole(
    roleMay.decideApprovals,
    "approve or reject workflow steps (it needs approver, operator or admin)",
  );
  const decider = (c: Context<AppEnv>) => ({
    id: c.get("session").user.id,
    username: c.get("session").user.username,
    role: c.get("session").user.role,
  });

  async function one(id: number) {
    const r = await approvals.get(id);
    if (!r) throw new ApiFailure(404, "not_found", "There is no such approval item.");
    return (await presentApprovals(s, [r]))[0]!;
  }

  app.get("/", async (c) => {
    const q = approvalsQuery.parse(c.req.query());
    // Expiry is also checked here, so the queue never offers an item that can no longer be approved.
    if (q.status === "pending" || q.status === "expired") await s.workflows.engine.expireDue();
    const rows = await approvals.list({ status: q.status, before: q.before, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    return c.json({
      approvals: await presentApprovals(s, page),
      nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    } satisfies ApprovalsResponse);
  });

  app.get("/:id{[0-9]+}", async (c) => c.json(await one(idParam.parse(c.req.param("id")))));

  app.post("/:id{[0-9]+}/approve", decide, async (c) => {
    const id = idParam.parse(c.req.param("id"));
    const edits = await readJson(c, s.config.maxApiBodyBytes, approveRequest);
    const { executed } = await decisions.approve(id, decider(c), edits, { requestId: c.get("requestId") });
    return c.json({ approval: await one(id), executed } satisfies DecisionResponse);
  });

  app.post("/:id{[0-9]+}/reject", decide, async (c) => {
    const id = idParam.parse(c.req.param("id"));
    const { reason } = await readJson(c, s.config.maxApiBodyBytes, rejectRequest);
    await decisions.reject(id, decider(c), reason, { requestId: c.get("requestId") });
    return c.json({ approval: await one(id), executed: false } satisfies DecisionResponse);
  });

  app.post("/bulk", decide, async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, bulkDecisionRequest);
    const results: BulkDecisionResponse["results"] = [];
    for (const id of [...new Set(body.ids)]) {
      try {
        const opts = { requestId: c.get("requestId"), via: "bulk" as const };
        if (body.decision === "approve") await decisions.approve(id, decider(c), undefined, opts);
        else await decisions.reject(id, decider(c), body.reason!, opts);
        const item = await one(id);
        results.push({ id, ok: true, status: item.status });
      } catch (e) {
        if (!(e instanceof ApiFailure)) throw e;
        results.push({ id, ok: false, error: { code: e.code, message: e.message } });
      }
    }
    return c.json({ results } satisfies BulkDecisionResponse);
  });

  return app;
}
