import { z } from "zod";
import { workflowTriggerId } from "../workflows/triggers";

/** A validation finding, as `validateWorkflow` reports it. */
export const workflowProblem = z.object({
  stepId: z.string().optional(),
  field: z.string().optional(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
});

import { runStatuses } from "./statuses";
export { runStatuses } from "./statuses";
export const runStatus = z.enum(runStatuses);
export type RunStatus = z.infer<typeof runStatus>;

export const stepStatuses = [
  "pending",
  "in_flight",
  "retrying",
  "succeeded",
  "partial",
  "failed",
  "waiting_approval",
  "approved",
  "rejected",
  "expired",
  "uncertain",
  "condition_passed",
  "condition_failed",
  "skipped",
] as const;
export const stepStatus = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof stepStatus>;

const userRef = z.object({ id: z.number().int().nullable(), username: z.string() });

export const runRef = z.object({ id: z.number().int(), status: runStatus, createdAt: z.string() });

export const workflowSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  trigger: workflowTriggerId,
  enabled: z.boolean(),
  currentVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: userRef.nullable(),
  lastRun: runRef.nullable(),
  /** Set while the workflow is disabled because its author lost the authority its steps need (role lowered, user removed). */
  disabledReason: z.string().nullable(),
});
export type WorkflowSummary = z.infer<typeof workflowSummary>;

export const workflowDetail = workflowSummary.extend({
  /** The current version's document, as saved (the export format). */
  document: z.unknown(),
  problems: z.array(workflowProblem),
});
export type WorkflowDetail = z.infer<typeof workflowDetail>;

export const workflowsResponse = z.object({ workflows: z.array(workflowSummary) });
export type WorkflowsResponse = z.infer<typeof workflowsResponse>;

export const workflowVersion = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: userRef.nullable(),
  document: z.unknown(),
});
export const workflowVersionsResponse = z.object({ versions: z.array(workflowVersion) });
export type WorkflowVersionsResponse = z.infer<typeof workflowVersionsResponse>;

/** The event a test runs against: a synthetic one, or a stored one by id. */
export const testEventInput = z.union([
  z.strictObject({ eventId: z.number().int().positive() }),
  z.strictObject({
    trigger: workflowTriggerId,
    payload: z.record(z.string(), z.unknown()),
    serverId: z.number().int().positive().optional(),
  }),
]);

export const testWorkflowRequest = z.strictObject({
  event: testEventInput,
  mode: z.enum(["dry", "real"]).default("dry"),
  /** Required for a real test in live mode: it sends to real Postmark. */
  confirmLive: z.boolean().optional(),
  /** Stand-in answers of steps for a dry run, by step id. */
  responses: z.record(z.string(), z.unknown()).optional(),
});
export type TestWorkflowRequest = z.input<typeof testWorkflowRequest>;

export const attempt = z.object({
  n: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** HTTP status from Postmark; null for a network error or an unknown outcome. */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type Attempt = z.infer<typeof attempt>;

export const stepError = z.object({
  code: z.string(),
  message: z.string(),
  /** Postmark's ErrorCode, when Postmark answered with one. */
  errorCode: z.number().nullable().optional(),
  problems: z.array(z.object({ at: z.string(), message: z.string() })).optional(),
});

export const itemError = z.object({ index: z.number().int(), errorCode: z.number(), message: z.string() });

export const stepApproval = z.object({
  id: z.number().int(),
  status: z.enum(["pending", "approved", "rejected", "expired"]),
  uncertain: z.boolean(),
  approvers: z.array(z.object({ userId: z.number().int(), username: z.string(), at: z.string() })),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  edited: z.boolean(),
});

export const runStep = z.object({
  index: z.number().int(),
  stepId: z.string(),
  kind: z.enum(["action", "condition"]),
  status: stepStatus,
  request: z.unknown().nullable(),
  response: z.unknown().nullable(),
  responseStatus: z.number().int().nullable(),
  attempts: z.array(attempt),
  error: stepError.nullable(),
  /** Per-item failures inside a batch answer (ErrorCode ≠ 0). */
  itemErrors: z.array(itemError),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  approval: stepApproval.nullable(),
});
export type RunStep = z.infer<typeof runStep>;

export const runSummary = z.object({
  id: z.number().int(),
  workflowId: z.number().int(),
  workflowName: z.string(),
  version: z.number().int(),
  status: runStatus,
  test: z.boolean(),
  eventId: z.number().int().nullable(),
  trigger: workflowTriggerId,
  serverId: z.number().int().nullable(),
  rerunOf: z.number().int().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummary>;

export const runDetail = runSummary.extend({ payload: z.unknown(), steps: z.array(runStep) });
export type RunDetail = z.infer<typeof runDetail>;

export const runsQuery = z.object({
  workflow: z.coerce.number().int().positive().optional(),
  /** Runs started by one event (e.g. a test event just sent). */
  event: z.coerce.number().int().positive().optional(),
  status: runStatus.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const runsResponse = z.object({ runs: z.array(runSummary), nextBefore: z.number().int().nullable() });
export type RunsResponse = z.infer<typeof runsResponse>;

/** Answer of POST /api/workflows/:id/test. */
export const testWorkflowResponse = z.object({
  mode: z.enum(["dry", "real"]),
  /** The dry run's resolution (both modes: real runs show what was resolved before sending). */
  dryRun: z.unknown().nullable(),
  run: runDetail.nullable(),
});
export type TestWorkflowResponse = z.infer<typeof testWorkflowResponse>;
