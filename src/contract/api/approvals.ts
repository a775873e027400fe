import { z } from "zod";
import { workflowTriggerId } from "../workflows/triggers";
import { paramValueSchema } from "../workflows/schema";

import { approvalStatuses } from "./statuses";
export { approvalStatuses } from "./statuses";
export const approvalStatus = z.enum(approvalStatuses);
export type ApprovalStatus = z.infer<typeof approvalStatus>;

/** Who the action reaches: how many addresses, which domains, which server. */
export const blastRadius = z.object({
  recipients: z.number().int(),
  /** Up to 20 of the addresses, for display. */
  addresses: z.array(z.string()),
  domains: z.array(z.string()),
  serverId: z.number().int().nullable(),
});
export type BlastRadius = z.infer<typeof blastRadius>;

/** The step's call: its path parameters, query and body as they will be sent; method and path are for reading only. */
const approvalRequest = z.object({
  method: z.string(),
  path: z.string(),
  params: z.record(z.string(), z.unknown()),
  query: z.record(z.string(), z.unknown()),
  body: z.unknown(),
  serverId: z.number().int().nullable(),
});

/** An approver changed the request: who, when, what the workflow produced, and the differences. */
export const approvalEdit = z.object({
  by: z.string(),
  /** Null for items edited before editors were recorded by id. */
  byId: z.number().int().nullable(),
  at: z.string(),
  /** The request exactly as the workflow produced it. */
  original: approvalRequest,
  originalBlastRadius: blastRadius,
  /** From the original to the request that will be executed, by path (`body.To`, `query.count`). */
  changes: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(["added", "removed", "changed"]),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
    }),
  ),
});
export type ApprovalEdit = z.infer<typeof approvalEdit>;

export const approvalItem = z.object({
  id: z.number().int(),
  status: approvalStatus,
  /** The step was in flight when Mailroom stopped: it may already have run. */
  uncertain: z.boolean(),
  runId: z.number().int(),
  workflow: z.object({ id: z.number().int(), name: z.string(), version: z.number().int() }),
  step: z.object({
    id: z.string(),
    name: z.string().nullable(),
    operationId: z.string(),
    title: z.string(),
    risk: z.enum(["read", "write", "destructive"]),
  }),
  event: z.object({
    id: z.number().int().nullable(),
    trigger: workflowTriggerId,
    serverId: z.number().int().nullable(),
    summary: z.record(z.string(), z.unknown()),
  }),
  /** The request that will be executed (after any edit); the blast radius is counted from it. */
  request: approvalRequest,
  blastRadius,
  policy: z.object({ approvers: z.number().int(), allowSelfApproval: z.boolean(), author: z.string().nullable() }),
  approvals: z.array(z.object({ userId: z.number().int(), username: z.string(), at: z.string() })),
  createdAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  edited: z.boolean(),
  /** Set when the request was edited; the edited request then needs approval by someone other than its editor. */
  edit: approvalEdit.nullable(),
  /** What happened when the approved step ran: the step's status afterwards. */
  outcome: z.string().nullable(),
});
export type ApprovalItem = z.infer<typeof approvalItem>;

export const approvalsQuery = z.object({
  status: approvalStatus.default("pending"),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const approvalsResponse = z.object({
  approvals: z.array(approvalItem),
  nextBefore: z.number().int().nullable(),
});
export type ApprovalsResponse = z.infer<typeof approvalsResponse>;

/**
 * Optional edits: replaces the step's path params, query or body (re-validated). Editing needs a
 * role that may call the operation directly, and is not an approval: it clears earlier votes, and
 * the edited request then needs approval by someone other than the editor.
 */
export const approveRequest = z.strictObject({
  params: z.record(z.string(), paramValueSchema).optional(),
  query: z.record(z.string(), paramValueSchema).optional(),
  body: paramValueSchema.optional(),
});
export type ApproveRequest = z.infer<typeof approveRequest>;

export const rejectRequest = z.strictObject({ reason: z.string().trim().min(1, "Say why you reject it").max(2000) });
export type RejectRequest = z.infer<typeof rejectRequest>;

export const bulkDecisionRequest = z
  .strictObject({
    ids: z.array(z.number().int().positive()).min(1).max(100),
    decision: z.enum(["approve", "reject"]),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.decision === "approve" || (v.reason !== undefined && v.reason !== ""), {
    message: "Say why you reject them",
    path: ["reason"],
  });
export type BulkDecisionRequest = z.infer<typeof bulkDecisionRequest>;

export const decisionResponse = z.object({
  approval: approvalItem,
  /** True when this decision completed the approval and the step was executed. */
  executed: z.boolean(),
});
export type DecisionResponse = z.infer<typeof decisionResponse>;

export const bulkDecisionResponse = z.object({
  results: z.array(
    z.object({
      id: z.number().int(),
      ok: z.boolean(),
      status: approvalStatus.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export type BulkDecisionResponse = z.infer<typeof bulkDecisionResponse>;

/** POST /api/approvals/:id/link → a signed, single-use, expiring link bound to the item's request as shown. */
export const approvalLinkResponse = z.object({
  /** PUBLIC_URL/approve/<token> */
  url: z.string(),
  expiresAt: z.string(),
});
export type ApprovalLinkResponse = z.infer<typeof approvalLinkResponse>;

/** GET /api/approval-links/:token (session required; never changes anything). */
export const approvalLinkView = z.object({
  approval: approvalItem,
  /** What the link permits: both, one tap each. */
  expiresAt: z.string(),
  /** Whether the signed-in user may decide (role and policy); when false, `reason` says why. */
  canDecide: z.boolean(),
  reason: z.string().nullable(),
});
export type ApprovalLinkView = z.infer<typeof approvalLinkView>;

/**
 * POST /api/approval-links/:token/approve (no body) and /reject ({ reason }) → DecisionResponse.
 * Errors: 404 not_found (unknown or tampered token), 410 with code "gone" (used, expired, or the
 * request changed since the link was made; message says which), 403 forbidden (role/policy),
 * 429 too_many_requests.
 */
export const approvalLinkRejectRequest = rejectRequest;
