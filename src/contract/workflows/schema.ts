import { z } from "zod";
import { operations, type OperationId, type Risk } from "../postmark";
import { workflowTriggerId } from "./triggers";

/** Step ids: short, readable, usable inside `step:<id>` references and template braces. */
export const stepIdPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const reservedStepIds = new Set(["trigger"]);

const operationIds = Object.keys(operations) as [OperationId, ...OperationId[]];
export const operationIdSchema = z.enum(operationIds, {
  error: (issue) => `Unknown operation ${JSON.stringify(issue.input)}`,
});

export const stepIdSchema = z
  .string()
  .regex(stepIdPattern, "A step id starts with a letter and holds letters, digits, - and _ (at most 64)")
  .refine((id) => !reservedStepIds.has(id), '"trigger" is reserved');

/** Where a mapping reads from: the event that started the run, or an earlier step's response. */
export const mapSourceSchema = z.union([
  z.literal("trigger"),
  z.templateLiteral(["step:", z.string().regex(stepIdPattern)]),
]);
export type MapSource = z.infer<typeof mapSourceSchema>;

const jsonLiteralSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([jsonLiteralSchema, z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

export const transformNames = [
  "lowerCase",
  "upperCase",
  "trim",
  "domainOf",
  "localPartOf",
  "join",
  "split",
  "default",
  "first",
  "toNumber",
  "toString",
] as const;
export type TransformName = (typeof transformNames)[number];

/** Transforms are a closed set of small, named functions: no user code ever runs. */
export const transformSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("lowerCase") }),
  z.strictObject({ type: z.literal("upperCase") }),
  z.strictObject({ type: z.literal("trim") }),
  z.strictObject({ type: z.literal("domainOf") }),
  z.strictObject({ type: z.literal("localPartOf") }),
  z.strictObject({ type: z.literal("join"), separator: z.string().optional() }),
  z.strictObject({ type: z.literal("split"), separator: z.string().optional() }),
  z.strictObject({ type: z.literal("default"), value: jsonValueSchema }),
  z.strictObject({ type: z.literal("first") }),
  z.strictObject({ type: z.literal("toNumber") }),
  z.strictObject({ type: z.literal("toString") }),
]);
export type Transform = z.infer<typeof transformSchema>;

export const mappingSchema = z.strictObject({
  $map: z.strictObject({
    from: mapSourceSchema,
    /** Dotted path with array indices: `Metadata.orderId`, `Messages[0].To`; "" is the whole value. */
    path: z.string().max(500),
    transforms: z.array(transformSchema).max(20).optional(),
  }),
});
export type Mapping = z.infer<typeof mappingSchema>;

/** A string with `{{trigger.Path}}` or `{{step:<id>.Path | transform}}` placeholders. */
export const templateValueSchema = z.strictObject({ $template: z.string().max(20_000) });
export type TemplateValue = z.infer<typeof templateValueSchema>;

export type ParamValue =
  string | number | boolean | null | Mapping | TemplateValue | ParamValue[] | { [key: string]: ParamValue };

const reservedKeys = ["$map", "$template"];
/** A literal, a mapping, a template, or objects/arrays of those. */
export const paramValueSchema: z.ZodType<ParamValue> = z.lazy(() =>
  z.union([
    jsonLiteralSchema,
    mappingSchema,
    templateValueSchema,
    z.array(paramValueSchema),
    z
      .record(z.string(), paramValueSchema)
      // A malformed mapping must fail loudly rather than be sent as a literal object.
      .refine((o) => !reservedKeys.some((k) => k in o), "Malformed $map or $template"),
  ]),
);

export const ruleOps = [
  "equals",
  "notEquals",
  "contains",
  "oneOf",
  "greaterThan",
  "lessThan",
  "isEmpty",
  "isNotEmpty",
] as const;
export type RuleOp = (typeof ruleOps)[number];
const unaryOps: readonly RuleOp[] = ["isEmpty", "isNotEmpty"];

export const conditionRuleSchema = z
  .strictObject({
    /** Defaults to the trigger; condition steps may also test an earlier step's response. */
    from: mapSourceSchema.optional(),
    field: z.string().max(500),
    op: z.enum(ruleOps),
    value: z.union([jsonLiteralSchema, z.array(jsonLiteralSchema)]).optional(),
  })
  .refine((r) => unaryOps.includes(r.op) || r.value !== undefined, {
    message: "This operator needs a value",
    path: ["value"],
  });
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

export const conditionsSchema = z.strictObject({
  mode: z.enum(["all", "any"]).default("all"),
  rules: z.array(conditionRuleSchema).max(50).default([]),
});
export type Conditions = z.output<typeof conditionsSchema>;
export type ConditionsInput = z.input<typeof conditionsSchema>;

export const approvalPolicySchema = z.strictObject({
  expiresInHours: z
    .number()
    .positive()
    .max(24 * 30)
    .optional(),
  allowSelfApproval: z.boolean().optional(),
  approvers: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type ApprovalPolicy = Required<z.output<typeof approvalPolicySchema>>;

/** Destructive operations wait for approval unless the author says otherwise. */
export function defaultApproval(operationId: OperationId): "auto" | "required" {
  return riskOf(operationId) === "destructive" ? "required" : "auto";
}

export function riskOf(operationId: OperationId): Risk {
  return operations[operationId].risk;
}

/** Fills the policy: 24 h expiry, no self-approval, two approvers for destructive operations. */
export function resolveApprovalPolicy(
  operationId: OperationId,
  policy?: z.input<typeof approvalPolicySchema>,
): ApprovalPolicy {
  return {
    expiresInHours: policy?.expiresInHours ?? 24,
    allowSelfApproval: policy?.allowSelfApproval ?? false,
    approvers: policy?.approvers ?? (riskOf(operationId) === "destructive" ? 2 : 1),
  };
}

const actionStepInputSchema = z.strictObject({
  id: stepIdSchema,
  kind: z.literal("action"),
  name: z.string().max(120).optional(),
  operationId: operationIdSchema,
  /** Server to act on; the event's server when absent. Ignored by account-token operations. */
  serverId: z.number().int().positive().optional(),
  params: z.record(z.string(), paramValueSchema).optional(),
  query: z.record(z.string(), paramValueSchema).optional(),
  body: paramValueSchema.optional(),
  approval: z.enum(["auto", "required"]).optional(),
  approvalPolicy: approvalPolicySchema.optional(),
});

/** Parsing fills approval and its policy, so the engine never guesses a default. */
export const actionStepSchema = actionStepInputSchema.transform((s) => ({
  ...s,
  approval: s.approval ?? defaultApproval(s.operationId),
  approvalPolicy: resolveApprovalPolicy(s.operationId, s.approvalPolicy),
}));
export type ActionStep = z.output<typeof actionStepSchema>;
export type ActionStepInput = z.input<typeof actionStepSchema>;

export const conditionStepSchema = z.strictObject({
  id: stepIdSchema,
  kind: z.literal("condition"),
  name: z.string().max(120).optional(),
  conditions: conditionsSchema,
});
export type ConditionStep = z.output<typeof conditionStepSchema>;

// Discriminated by kind, so an error names the field rather than "matches no variant".
export const stepSchema = z.discriminatedUnion("kind", [actionStepSchema, conditionStepSchema]);
export type Step = ActionStep | ConditionStep;
export type StepInput = ActionStepInput | z.input<typeof conditionStepSchema>;

const positionSchema = z.strictObject({ x: z.number(), y: z.number() });
export const layoutSchema = z.strictObject({
  /** Keyed by node id: "trigger" or a step id. */
  nodes: z.record(z.string(), positionSchema).default({}),
  viewport: z.strictObject({ x: z.number(), y: z.number(), zoom: z.number().positive() }).optional(),
});

export const workflowDocument = z
  .strictObject({
    version: z.literal(1),
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).optional(),
    trigger: z.strictObject({
      type: workflowTriggerId,
      conditions: conditionsSchema.default({ mode: "all", rules: [] }),
    }),
    scope: z
      .strictObject({
        serverIds: z.array(z.number().int().positive()).optional(),
        streams: z.array(z.string().min(1)).optional(),
      })
      .optional(),
    steps: z.array(stepSchema).max(50),
    layout: layoutSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.steps.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: "custom", message: `Duplicate step id "${s.id}"`, path: ["steps", i, "id"] });
      seen.add(s.id);
    });
  });
export type WorkflowDocument = z.output<typeof workflowDocument>;
export type WorkflowDocumentInput = z.input<typeof workflowDocument>;

/** JSON Schema of the document as authors write it (defaults optional), for `/api/workflows/schema`. */
export function workflowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(workflowDocument, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}

export function isMapping(value: unknown): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "$map" in value;
}

export function isTemplate(value: unknown): value is TemplateValue {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "$template" in value;
}

/** `step:lookup` → `lookup`; `trigger` → null. */
export function sourceStepId(source: MapSource): string | null {
  return source === "trigger" ? null : source.slice("step:".length);
}
