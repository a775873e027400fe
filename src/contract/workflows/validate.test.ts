import { describe, expect, it } from "vitest";
import type { Problem } from "./problems";
import type { StepInput, WorkflowDocumentInput } from "./schema";
import { validateWorkflow } from "./validate";

const doc = (
  steps: StepInput[],
  trigger: WorkflowDocumentInput["trigger"] = { type: "bounce" },
): WorkflowDocumentInput => ({ version: 1, name: "Test", trigger, steps });
const map = (path: string, from: "trigger" | `step:${string}` = "trigger") => ({ $map: { from, path } });
const activate = (bounceid: unknown = map("ID")): StepInput => ({
  id: "activate",
  kind: "action",
  operationId: "bounces.activate",
  params: { bounceid } as never,
});

const find = (problems: Problem[], text: string) => problems.find((p) => p.message.includes(text));

describe("validateWorkflow", () => {
  it("accepts a good document", () => {
    const result = validateWorkflow(doc([activate()]));
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.document?.steps).toHaveLength(1);
  });

  it("reports schema errors with the step id, e.g. an unknown operation", () => {
    const result = validateWorkflow(doc([{ id: "x", kind: "action", operationId: "bounces.nuke" as never }]));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ stepId: "x", field: "operationId", severity: "error" });
    expect(result.document).toBeUndefined();
  });

  it("reports schema errors outside steps with their path", () => {
    const result = validateWorkflow({ ...doc([]), trigger: { type: "nope" } });
    expect(result.problems[0]).toMatchObject({ field: "trigger.type", severity: "error" });
    expect(validateWorkflow(null).ok).toBe(false);
  });

  it("reports missing required path params, query and body fields", () => {
    const result = validateWorkflow(
      doc([
        { id: "a", kind: "action", operationId: "bounces.activate" },
        { id: "s", kind: "action", operationId: "bounces.search", query: { offset: 0 } },
        { id: "e", kind: "action", operationId: "email.send", body: { From: "a@b.c" } },
        { id: "r", kind: "action", operationId: "dataRemovals.create" },
      ]),
    );
    expect(result.ok).toBe(false);
    const errors = result.problems.filter((p) => p.severity === "error").map((p) => `${p.stepId}:${p.field}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        "a:params.bounceid",
        "s:query.count",
        "e:body.To",
        "r:body.RequestedBy",
        "r:body.RequestedFor",
      ]),
    );
    expect(find(result.problems, "Missing required field body.To")).toBeDefined();
  });

  it("reports a missing array body", () => {
    const result = validateWorkflow(doc([{ id: "b", kind: "action", operationId: "email.sendBatch" }]));
    expect(result.problems).toContainEqual(expect.objectContaining({ stepId: "b", field: "body", severity: "error" }));
  });

  it("reports literal type mismatches against the schema", () => {
    const result = validateWorkflow(
      doc([
        activate("abc"),
        { id: "s", kind: "action", operationId: "bounces.search", query: { count: 900, offset: 0 } },
        {
          id: "e",
          kind: "action",
          operationId: "email.send",
          body: { From: "a@b.c", To: 5, TrackLinks: "Sometimes", Headers: "x" },
        },
        {
          id: "t",
          kind: "action",
          operationId: "suppressions.create",
          params: { streamId: "out bound" },
          body: { Suppressions: [{ EmailAddress: null }] },
        },
      ]),
    );
    const fields = result.problems.filter((p) => p.severity === "error").map((p) => `${p.stepId}:${p.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        "activate:params.bounceid",
        "s:query.count",
        "e:body.To",
        "e:body.TrackLinks",
        "e:body.Headers",
        "t:params.streamId",
        "t:body.Suppressions[0].EmailAddress",
      ]),
    );
  });

  it("warns about fields the operation does not have, and sections it does not take", () => {
    const result = validateWorkflow(
      doc([
        { ...(activate() as Extract<StepInput, { kind: "action" }>), query: { x: 1 }, body: { y: 1 } },
        { id: "e", kind: "action", operationId: "email.send", body: { From: "a", To: "b", Sender: "c" } },
      ]),
    );
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => `${p.stepId}:${p.field}:${p.severity}`)).toEqual([
      "activate:query:warning",
      "activate:body:warning",
      "e:body.Sender:warning",
    ]);
  });

  it("reports mappings to unknown, later and condition steps", () => {
    const result = validateWorkflow(
      doc([
        {
          id: "first",
          kind: "action",
          operationId: "bounces.activate",
          params: { bounceid: map("Bounce.ID", "step:second") },
        },
        {
          id: "second",
          kind: "action",
          operationId: "bounces.activate",
          params: { bounceid: map("Bounce.ID", "step:ghost") },
        },
        { id: "gate", kind: "condition", conditions: { rules: [{ field: "Type", op: "isNotEmpty" }] } },
        { id: "third", kind: "action", operationId: "bounces.activate", params: { bounceid: map("ID", "step:gate") } },
        {
          id: "self",
          kind: "action",
          operationId: "bounces.activate",
          params: { bounceid: map("Bounce.ID", "step:self") },
        },
      ]),
    );
    expect(find(result.problems, "runs later")).toMatchObject({
      stepId: "first",
      field: "params.bounceid",
      severity: "error",
    });
    expect(find(result.problems, "unknown step")).toMatchObject({ stepId: "second", severity: "error" });
    expect(find(result.problems, "no response")).toMatchObject({ stepId: "third", severity: "error" });
    expect(find(result.problems, "own response")).toMatchObject({ stepId: "self", severity: "error" });
  });

  it("reports fields the trigger or an earlier response cannot have", () => {
    const result = validateWorkflow(
      doc([
        {
          id: "s",
          kind: "action",
          operationId: "bounces.search",
          query: { count: 1, offset: 0, emailFilter: map("Emial") },
        },
        {
          id: "a",
          kind: "action",
          operationId: "bounces.activate",
          params: { bounceid: map("Bounces[0].Identifier", "step:s") },
        },
        {
          id: "b",
          kind: "action",
          operationId: "bounces.activate",
          params: { bounceid: map("Bounces[0].ID", "step:s") },
        },
        {
          id: "c",
          kind: "action",
          operationId: "email.send",
          body: {
            From: "a@b.c",
            To: { $map: { from: "trigger", path: "Nick", transforms: [{ type: "default", value: "x@y.z" }] } },
            Tag: map("Metadata.campaign"),
          },
        },
      ]),
    );
    expect(find(result.problems, 'no field "Emial"')).toMatchObject({
      stepId: "s",
      field: "query.emailFilter",
      severity: "error",
    });
    expect(find(result.problems, 'no field "Bounces[0].Identifier"')).toMatchObject({ stepId: "a", severity: "error" });
    expect(result.problems.filter((p) => p.stepId === "b")).toEqual([]);
    expect(find(result.problems, 'no field "Nick"')).toMatchObject({ stepId: "c", severity: "warning" });
    expect(result.problems.filter((p) => p.stepId === "c" && p.field === "body.Tag")).toEqual([]);
  });

  it("checks references inside templates, and template syntax", () => {
    const result = validateWorkflow(
      doc([
        {
          id: "e",
          kind: "action",
          operationId: "email.send",
          body: {
            From: "a@b.c",
            To: "t@b.c",
            Subject: { $template: "{{trigger.Nope}} {{trigger.Email | domainOf}}" },
            TextBody: { $template: "{{trigger.Email" },
          },
        },
      ]),
    );
    expect(find(result.problems, 'no field "Nope"')).toMatchObject({ field: "body.Subject", severity: "error" });
    expect(find(result.problems, "no matching")).toMatchObject({ field: "body.TextBody", severity: "error" });
  });

  it("warns about mapped types that do not fit, and transforms on the wrong type", () => {
    const result = validateWorkflow(
      doc([
        {
          id: "e",
          kind: "action",
          operationId: "email.send",
          body: {
            From: "a@b.c",
            To: map("TypeCode"),
            TrackOpens: map("Email"),
            Subject: { $map: { from: "trigger", path: "ID", transforms: [{ type: "lowerCase" }] } },
          },
        },
        {
          id: "t",
          kind: "action",
          operationId: "email.sendWithTemplate",
          body: { From: "a@b.c", To: "b@c.d", TemplateModel: {}, TemplateId: { $template: "{{trigger.ID}}" } },
        },
      ]),
    );
    expect(result.ok).toBe(true);
    expect(find(result.problems, "text field")).toMatchObject({ stepId: "e", field: "body.To", severity: "warning" });
    expect(find(result.problems, "boolean field")).toMatchObject({ field: "body.TrackOpens", severity: "warning" });
    expect(find(result.problems, "lowerCase does not work on number")).toMatchObject({
      field: "body.Subject",
      severity: "warning",
    });
    expect(find(result.problems, "template makes text")).toMatchObject({ stepId: "t", field: "body.TemplateId" });
  });

  it("accepts text mapped into coerced numbers (path ids)", () => {
    const result = validateWorkflow(
      doc([{ id: "a", kind: "action", operationId: "bounces.activate", params: { bounceid: map("MessageID") } }]),
    );
    expect(result.problems).toEqual([]);
  });

  it("warns about a condition rule on an unknown field, and errors on step references in trigger rules", () => {
    const result = validateWorkflow(
      doc(
        [
          activate(),
          {
            id: "gate",
            kind: "condition",
            conditions: {
              rules: [
                { from: "step:activate", field: "Bounce.Colour", op: "isEmpty" },
                { from: "step:later", field: "x", op: "isEmpty" },
              ],
            },
          },
        ],
        {
          type: "bounce",
          conditions: {
            mode: "all",
            rules: [
              { field: "Colour", op: "equals", value: "red" },
              { field: "Metadata.plan", op: "equals", value: "team" },
              { from: "step:activate", field: "Message", op: "isEmpty" },
            ],
          },
        },
      ),
    );
    expect(result.problems).toContainEqual({
      field: "trigger.conditions.rules[0].field",
      severity: "warning",
      message: expect.stringContaining("Colour"),
    });
    expect(result.problems.find((p) => p.field === "trigger.conditions.rules[1].field")).toBeUndefined();
    expect(result.problems).toContainEqual({
      field: "trigger.conditions.rules[2].field",
      severity: "error",
      message: expect.stringContaining("only read the event"),
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ stepId: "gate", field: "conditions.rules[0].field", severity: "warning" }),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({ stepId: "gate", field: "conditions.rules[1].field", severity: "error" }),
    );
  });

  it("warns when a destructive step runs without approval, and defaults it to approval", () => {
    const removal: StepInput = {
      id: "rm",
      kind: "action",
      operationId: "dataRemovals.create",
      body: { RequestedBy: "a@b.c", RequestedFor: map("Email") },
    };
    const defaulted = validateWorkflow(doc([removal]));
    expect(defaulted.problems).toEqual([]);
    expect(defaulted.document?.steps[0]).toMatchObject({ approval: "required" });
    const auto = validateWorkflow(doc([{ ...removal, approval: "auto" } as StepInput]));
    expect(auto.ok).toBe(true);
    expect(auto.problems).toEqual([expect.objectContaining({ stepId: "rm", field: "approval", severity: "warning" })]);
  });

  it("warns about a serverId on an account-token operation and about a workflow without actions", () => {
    const result = validateWorkflow(
      doc([{ id: "rm", kind: "action", operationId: "dataRemovals.get", serverId: 3, params: { id: 1 } }]),
    );
    expect(result.problems).toEqual([expect.objectContaining({ field: "serverId", severity: "warning" })]);
    expect(validateWorkflow(doc([])).problems).toEqual([
      expect.objectContaining({ field: "steps", severity: "warning" }),
    ]);
  });
});
