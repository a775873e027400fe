import { Hono, type Context } from "hono";
import { z } from "zod";
import { roleMay } from "../../contract/api/auth";
import {
  approvalLinkRejectRequest,
  type ApprovalLinkResponse,
  type ApprovalLinkView,
  type DecisionResponse,
} from "../../contract/api/approvals";
import { ApiFailure } from "../errors";
import { clientAddress } from "../http/client-address";
import { readJson } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { requireRole } from "../http/require-role";
import type { ApprovalRow } from "./approvals-repo";
import type { DecisionOptions } from "./decide";
import { presentApprovals } from "./present";

const idParam = z.coerce.number().int().positive();
const decideRole = requireRole(
  roleMay.decideApprovals,
  "approve or reject workflow steps (it needs approver, operator or admin)",
);

async function loadItem(s: Services, id: number): Promise<ApprovalRow> {
  const r = await s.workflows.approvals.get(id);
  if (!r) throw new ApiFailure(404, "not_found", "There is no such approval item.");
  return r;
}

/** POST /api/approvals/:id/link: a signed link for this item, for anyone who may decide. Behind requireSession. */
export function approvalLinkCreateRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.post("/:id{[0-9]+}/link", decideRole, async (c) => {
    const id = idParam.parse(c.req.param("id"));
    await s.workflows.engine.expireDue();
    const item = await loadItem(s, id);
    const { user } = c.get("session");
    const link = await s.links.create(item, { createdBy: user.username, userId: null });
    await s.store.audit.record(
      {
        actor: { id: user.id, username: user.username },
        action: "approval.link.create",
        target: `approval:${id}`,
        requestId: c.get("requestId"),
        details: { expiresAt: link.expiresAt },
      },
      new Date(s.clock()).toISOString(),
    );
    return c.json({ url: link.url, expiresAt: link.expiresAt } satisfies ApprovalLinkResponse, 201);
  });
  return app;
}

/**
 * /api/approval-links/:token: look (GET, changes nothing) and decide (POST, consumes the link in
 * the same transaction as the decision, through the same decision path as the queue). Behind
 * requireSession; the origin check covers the POSTs. Tokens are never logged.
 */
export function approvalLinkRoutes(s: Services) {
  const app = new Hono<AppEnv>();

  // Counted per address and per user, before anything else, so guessing tokens is slow.
  app.use("*", limit);
  async function limit(c: Context<AppEnv>, next: () => Promise<void>) {
    const wait = Math.max(
      await s.linkLimiter.hit(`addr:${clientAddress(c, s.config.trustProxy)}`),
      await s.linkLimiter.hit(`user:${c.get("session").user.id}`),
    );
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiFailure(
        429,
        "too_many_requests",
        `Too many approval link checks. Try again in ${seconds} seconds.`,
        { retryAfterSeconds: seconds },
        { "Retry-After": String(seconds) },
      );
    }
    await next();
  }

  app.get("/:token", async (c) => {
    const token = c.req.param("token");
    const link = await s.links.find(token);
    await s.workflows.engine.expireDue();
    const item = await loadItem(s, link.approval_id);
    const { user } = c.get("session");
    s.links.usable(link, item, user.id);
    const [approval] = await presentApprovals(s, [item]);
    let reason: string | null = null;
    if (!roleMay.decideApprovals(user.role))
      reason = `Your role (${user.role}) may not approve or reject workflow steps.`;
    else if (!item.allow_self_approval && item.author_id === user.id)
      reason = "You saved this version of the workflow, and its policy does not allow approving your own steps.";
    else if (approval!.edit && approval!.edit.byId === user.id)
      reason = "You edited this request, so someone else must approve it as edited.";
    else if (approval!.approvals.some((v) => v.userId === user.id))
      reason = "You have already approved this item; it needs another person's approval.";
    return c.json({
      approval: approval!,
      expiresAt: link.expires_at,
      canDecide: reason === null,
      reason,
    } satisfies ApprovalLinkView);
  });

  async function decide(c: Context<AppEnv>, decision: "approve" | "reject") {
    const token = c.req.param("token")!;
    const reason =
      decision === "reject" ? (await readJson(c, s.config.maxApiBodyBytes, approvalLinkRejectRequest)).reason : null;
    const link = await s.links.find(token);
    const { user } = c.get("session");
    const decider = { id: user.id, username: user.username, role: user.role };
    // Checked before the decision too, so an expired link answers 410 rather than the queue's 409.
    s.links.usable(link, await loadItem(s, link.approval_id), user.id);
    const opts: DecisionOptions = {
      requestId: c.get("requestId"),
      via: "link",
      details: { linkId: link.id },
      guard: (trx, item) => s.links.consume(trx, token, item, decider),
    };
    let executed = false;
    if (decision === "approve")
      executed = (await s.workflows.decisions.approve(link.approval_id, decider, undefined, opts)).executed;
    else await s.workflows.decisions.reject(link.approval_id, decider, reason!, opts);
    const [approval] = await presentApprovals(s, [await loadItem(s, link.approval_id)]);
    return c.json({ approval: approval!, executed } satisfies DecisionResponse);
  }

  app.post("/:token/approve", decideRole, (c) => decide(c, "approve"));
  app.post("/:token/reject", decideRole, (c) => decide(c, "reject"));
  return app;
}
