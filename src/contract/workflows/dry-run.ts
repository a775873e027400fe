import type { z } from "zod";
import { buildPath, classifyPayload, operations, type HttpMethod, type OperationId, type TokenKind } from "../postmark";
import { explainConditions, type RuleResult } from "./conditions";
import { exampleResponse } from "./fields";
import { resolveParams, type MappingContext, type MappingProblem } from "./mapping";
import { formatIssuePath, type Problem } from "./problems";
import type { ActionStep } from "./schema";
import { validateWorkflow } from "./validate";

/**
 * The exact call a step makes: what the engine sends and the approval queue shows. The call itself
 * is `{ operationId, params, query, body }` (execute() takes exactly that); `method`, `path` and
 * `token` are derived from the catalog once, for people to read, and are never parsed back.
 */
export interface StepRequest {
  operationId: OperationId;
  method: HttpMethod;
  /** Postmark path with parameters filled and encoded: for display only. */
  path: string;
  /** Path parameters; undefined for operations without any (as `body` for operations without one). */
  params?: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  token: TokenKind;
  /** Server the call acts on (null for account-token operations or when unknown). */
  serverId: number | null;
}

export interface StepResolution {
  request: StepRequest | null;
  /** `unresolved`/`transform`/`syntax` from mapping; `invalid` when the resolved value breaks the operation's schema. */
  problems: (Omit<MappingProblem, "kind"> & { kind: MappingProblem["kind"] | "invalid" })[];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function schemaCheck(schema: z.ZodType | undefined, value: unknown, section: string): StepResolution["problems"] {
  if (!schema) return [];
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    at: [section, formatIssuePath(i.path)].filter(Boolean).join(typeof i.path[0] === "number" ? "" : "."),
    kind: "invalid" as const,
    message: i.message,
  }));
}

/**
 * Resolves an action step into its request. The engine calls this right before executing (and
 * again after an approver edits parameters); the request is built even when problems exist so
 * they can be shown next to it, but a step with problems must not be sent.
 */
export function resolveStepRequest(
  step: ActionStep,
  context: MappingContext,
  eventServerId?: number | null,
): StepResolution {
  const op = operations[step.operationId];
  const params = resolveParams(step.params, context, "params");
  const query = resolveParams(step.query, context, "query");
  const body = resolveParams(step.body, context, "body");
  const problems: StepResolution["problems"] = [...params.problems, ...query.problems, ...body.problems];
  problems.push(...schemaCheck("params" in op ? op.params : undefined, params.value ?? {}, "params"));
  problems.push(...schemaCheck("query" in op ? op.query : undefined, query.value ?? {}, "query"));
  if ("body" in op && op.body)
    problems.push(...schemaCheck(op.body, body.value ?? (step.body === undefined ? {} : undefined), "body"));
  let path: string;
  try {
    path = buildPath(op.path, asRecord(params.value));
  } catch (e) {
    problems.push({ at: "params", kind: "invalid", message: (e as Error).message });
    return { request: null, problems };
  }
  const serverId = op.token === "account" ? null : (step.serverId ?? eventServerId ?? null);
  const hasBody = "body" in op && op.body !== undefined;
  const hasParams = "params" in op && op.params !== undefined;
  return {
    request: {
      operationId: op.id,
      method: op.method,
      path,
      params: hasParams ? asRecord(params.value) : undefined,
      query: asRecord(query.value),
      body: hasBody ? (body.value ?? {}) : undefined,
      token: op.token,
      serverId,
    },
    problems,
  };
}

export type DryRunStatus =
  "would-run" | "needs-approval" | "error" | "condition-passed" | "condition-failed" | "skipped";

export interface DryRunStep {
  stepId: string;
  kind: "action" | "condition";
  status: DryRunStatus;
  request?: StepRequest | null;
  /** The response later steps saw: a fake one given by the caller, or Postmark's documented example. */
  response?: unknown;
  rules?: RuleResult[];
  problems: Problem[];
}

export interface DryRunResult {
  /** False when the document has errors or any step could not be resolved. */
  ok: boolean;
  /** Whether the trigger's conditions accept this payload; steps are resolved either way, for preview. */
  triggerMatched: boolean;
  triggerRules: RuleResult[];
  steps: DryRunStep[];
  problems: Problem[];
}

/** Resolves every step against a payload without sending anything. */
export function dryRun(
  input: unknown,
  triggerPayload: unknown,
  fakeResponses: Record<string, unknown> = {},
): DryRunResult {
  const validation = validateWorkflow(input);
  const doc = validation.document;
  if (!doc) return { ok: false, triggerMatched: false, triggerRules: [], steps: [], problems: validation.problems };
  const problems: Problem[] = validation.problems.filter((p) => p.severity === "error");
  const kind = classifyPayload(triggerPayload);
  if (kind !== null && kind !== doc.trigger.type) {
    problems.push({
      field: "trigger.type",
      severity: "warning",
      message: `The payload is a ${kind} event, not ${doc.trigger.type}`,
    });
  }
  const trigger = explainConditions(doc.trigger.conditions, triggerPayload);
  const payload = asRecord(triggerPayload);
  const eventServerId = typeof payload.ServerID === "number" ? payload.ServerID : null;
  const context: MappingContext = { trigger: triggerPayload, steps: {} };
  const steps: DryRunStep[] = [];
  let stopped = false;
  for (const step of doc.steps) {
    if (stopped) {
      steps.push({ stepId: step.id, kind: step.kind, status: "skipped", problems: [] });
      continue;
    }
    if (step.kind === "condition") {
      const result = explainConditions(step.conditions, triggerPayload, context.steps);
      steps.push({
        stepId: step.id,
        kind: "condition",
        status: result.matched ? "condition-passed" : "condition-failed",
        rules: result.rules,
        problems: [],
      });
      stopped = !result.matched;
      continue;
    }
    const resolution = resolveStepRequest(step, context, eventServerId);
    const stepProblems: Problem[] = resolution.problems.map((p) => ({
      stepId: step.id,
      field: p.at || undefined,
      severity: "error",
      message: p.message,
    }));
    const response = Object.prototype.hasOwnProperty.call(fakeResponses, step.id)
      ? fakeResponses[step.id]
      : exampleResponse(step.operationId);
    context.steps[step.id] = response;
    const status: DryRunStatus =
      stepProblems.length > 0 ? "error" : step.approval === "required" ? "needs-approval" : "would-run";
    steps.push({
      stepId: step.id,
      kind: "action",
      status,
      request: resolution.request,
      response,
      problems: stepProblems,
    });
    problems.push(...stepProblems);
  }
  return {
    ok: !problems.some((p) => p.severity === "error"),
    triggerMatched: trigger.matched,
    triggerRules: trigger.rules,
    steps,
    problems,
  };
}
