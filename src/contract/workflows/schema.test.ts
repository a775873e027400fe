import { describe, expect, it } from "vitest";
import {
  defaultApproval,
  paramValueSchema,
  workflowDocument,
  workflowJsonSchema,
  type WorkflowDocumentInput,
} from "./schema";

const minimal: WorkflowDocumentInput = {
  version: 1,
  name: "Reactivate",
  trigger: {
    type: "bounce",
    conditions: { mode: "all", rules: [{ field: "Type", op: "equals", value: "SoftBounce" }] },
  },
  steps: [
    {
      id: "activate",
      kind: "action",
      operationId: "bounces.activate",
      params: { bounceid: { $map: { from: "trigger", path: "ID" } } },
    },
  ],
};

const withSteps = (steps: unknown[]) => ({ ...minimal, steps });

describe("workflowDocument", () => {
  it("accepts a minimal document and fills defaults", () => {
    const doc = workflowDocument.parse(minimal);
    const step = doc.steps[0]!;
    expect(step.kind).toBe("action");
    if (step.kind !== "action") return;
    expect(step.approval).toBe("auto");
    expect(step.approvalPolicy).toEqual({ expiresInHours: 24, allowSelfApproval: false, approvers: 1 });
  });

  it("defaults destructive steps to approval by two people", () => {
    const doc = workflowDocument.parse(
      withSteps([
        {
          id: "rm",
          kind: "action",
          operationId: "dataRemovals.create",
          body: { RequestedBy: "a@b.c", RequestedFor: "d@e.f" },
        },
      ]),
    );
    const step = doc.steps[0]!;
    expect(step.kind === "action" && step.approval).toBe("required");
    expect(step.kind === "action" && step.approvalPolicy.approvers).toBe(2);
    expect(defaultApproval("dataRemovals.create")).toBe("required");
    expect(defaultApproval("bounces.activate")).toBe("auto");
    expect(defaultApproval("bounces.search")).toBe("auto");
  });

  it("keeps an explicit approval and policy", () => {
    const doc = workflowDocument.parse(
      withSteps([
        { ...minimal.steps[0], approval: "required", approvalPolicy: { expiresInHours: 2, allowSelfApproval: true } },
      ]),
    );
    const step = doc.steps[0]!;
    expect(step.kind === "action" && step.approval).toBe("required");
    expect(step.kind === "action" && step.approvalPolicy).toEqual({
      expiresInHours: 2,
      allowSelfApproval: true,
      approvers: 1,
    });
  });

  it("defaults trigger conditions and accepts scope, layout and condition steps", () => {
    const doc = workflowDocument.parse({
      ...minimal,
      trigger: { type: "open" },
      scope: { serverIds: [23], streams: ["outbound"] },
      layout: { nodes: { trigger: { x: 0, y: 0 }, activate: { x: 0, y: 120 } }, viewport: { x: 0, y: 0, zoom: 1 } },
      steps: [
        { id: "check", kind: "condition", conditions: { rules: [{ field: "FirstOpen", op: "isNotEmpty" }] } },
        ...minimal.steps,
      ],
    });
    expect(doc.trigger.conditions).toEqual({ mode: "all", rules: [] });
    expect(doc.steps[0]!.kind === "condition" && doc.steps[0]!.conditions.mode).toBe("all");
  });

  it.each([
    ["a wrong version", { ...minimal, version: 2 }],
    ["an empty name", { ...minimal, name: "  " }],
    ["an unknown trigger", { ...minimal, trigger: { type: "bounced" } }],
    ["an unknown operation", withSteps([{ id: "x", kind: "action", operationId: "bounces.nuke" }])],
    [
      "an unknown operator",
      {
        ...minimal,
        trigger: { type: "bounce", conditions: { mode: "all", rules: [{ field: "Type", op: "like", value: "x" }] } },
      },
    ],
    [
      "a rule without a value",
      {
        ...minimal,
        trigger: { type: "bounce", conditions: { mode: "all", rules: [{ field: "Type", op: "equals" }] } },
      },
    ],
    ["duplicate step ids", withSteps([minimal.steps[0], minimal.steps[0]])],
    ["a reserved step id", withSteps([{ ...minimal.steps[0], id: "trigger" }])],
    ["a step id with spaces", withSteps([{ ...minimal.steps[0], id: "my step" }])],
    [
      "an unknown transform",
      withSteps([
        {
          ...minimal.steps[0],
          params: { bounceid: { $map: { from: "trigger", path: "ID", transforms: [{ type: "eval" }] } } },
        },
      ]),
    ],
    ["a malformed mapping", withSteps([{ ...minimal.steps[0], params: { bounceid: { $map: { path: "ID" } } } }])],
    [
      "a bad mapping source",
      withSteps([{ ...minimal.steps[0], params: { bounceid: { $map: { from: "event", path: "ID" } } } }]),
    ],
    ["two approvers too many", withSteps([{ ...minimal.steps[0], approvalPolicy: { approvers: 3 } }])],
    ["an unknown top-level key", { ...minimal, owner: "me" }],
  ])("rejects %s", (_label, doc) => {
    expect(workflowDocument.safeParse(doc).success).toBe(false);
  });
});

describe("paramValue", () => {
  it("accepts literals, mappings, templates and nested trees", () => {
    for (const value of [
      "text",
      42,
      true,
      null,
      { $map: { from: "step:lookup", path: "Bounces[0].ID", transforms: [{ type: "toNumber" }] } },
      { $template: "Hello {{trigger.FromName}}" },
      { Suppressions: [{ EmailAddress: { $map: { from: "trigger", path: "Email" } } }] },
    ]) {
      expect(paramValueSchema.safeParse(value).success, JSON.stringify(value)).toBe(true);
    }
  });

  it("rejects a template with extra keys", () => {
    expect(paramValueSchema.safeParse({ $template: "x", other: 1 }).success).toBe(false);
  });
});

describe("workflowJsonSchema", () => {
  it("generates a JSON Schema naming every trigger, operation and transform", () => {
    const schema = workflowJsonSchema();
    const text = JSON.stringify(schema);
    expect(schema.$schema).toContain("2020-12");
    expect(schema.type).toBe("object");
    expect(text).toContain("subscription-change");
    expect(text).toContain("email.sendWithTemplate");
    expect(text).toContain("domainOf");
    expect(text).toContain("$template");
    expect(JSON.parse(text)).toEqual(schema);
  });
});
