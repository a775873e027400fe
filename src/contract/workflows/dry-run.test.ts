import { describe, expect, it } from "vitest";
import { triggers } from "../postmark";
import { dryRun, resolveStepRequest } from "./dry-run";
import { matchesWorkflow } from "./match";
import { workflowDocument, type ActionStep, type WorkflowDocumentInput } from "./schema";

const bounce = { ...triggers.bounce.example, Type: "SoftBounce", ID: 42, ServerID: 23 };

const doc: WorkflowDocumentInput = {
  version: 1,
  name: "Soft bounce handling",
  trigger: {
    type: "bounce",
    conditions: { mode: "all", rules: [{ field: "Type", op: "equals", value: "SoftBounce" }] },
  },
  steps: [
    {
      id: "lookup",
      kind: "action",
      operationId: "bounces.search",
      query: { count: 5, offset: 0, emailFilter: { $map: { from: "trigger", path: "Email" } } },
    },
    {
      id: "any",
      kind: "condition",
      conditions: { rules: [{ from: "step:lookup", field: "TotalCount", op: "greaterThan", value: 0 }] },
    },
    {
      id: "activate",
      kind: "action",
      operationId: "bounces.activate",
      params: { bounceid: { $map: { from: "step:lookup", path: "Bounces[0].ID" } } },
    },
    {
      id: "suppress",
      kind: "action",
      operationId: "suppressions.create",
      params: { streamId: { $map: { from: "trigger", path: "MessageStream" } } },
      body: { Suppressions: [{ EmailAddress: { $map: { from: "trigger", path: "Email" } } }] },
      serverId: 99,
    },
    {
      id: "erase",
      kind: "action",
      operationId: "dataRemovals.create",
      body: { RequestedBy: "privacy@example.com", RequestedFor: { $map: { from: "trigger", path: "Email" } } },
    },
  ],
};

describe("dryRun", () => {
  it("resolves each step's request without sending, using example responses for later steps", () => {
    const result = dryRun(doc, bounce);
    expect(result.ok).toBe(true);
    expect(result.triggerMatched).toBe(true);
    expect(result.steps.map((s) => s.status)).toEqual([
      "would-run",
      "condition-passed",
      "would-run",
      "would-run",
      "needs-approval",
    ]);
    expect(result.steps[0]!.request).toEqual({
      operationId: "bounces.search",
      method: "GET",
      path: "/bounces",
      query: { count: 5, offset: 0, emailFilter: "john@example.com" },
      body: undefined,
      token: "server",
      serverId: 23,
    });
    expect(result.steps[2]!.request).toMatchObject({ method: "PUT", path: "/bounces/692560173/activate" });
    expect(result.steps[2]!.request?.body).toBeUndefined();
    expect(result.steps[3]!.request).toMatchObject({
      method: "POST",
      path: "/message-streams/outbound/suppressions",
      body: { Suppressions: [{ EmailAddress: "john@example.com" }] },
      serverId: 99,
    });
    expect(result.steps[4]!.request).toMatchObject({ path: "/data-removals", token: "account", serverId: null });
  });

  it("uses fake responses when given, and stops quietly at a false condition", () => {
    const result = dryRun(doc, bounce, { lookup: { TotalCount: 0, Bounces: [] } });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.status)).toEqual([
      "would-run",
      "condition-failed",
      "skipped",
      "skipped",
      "skipped",
    ]);
    expect(result.steps[1]!.rules?.[0]).toMatchObject({ matched: false, actual: 0 });
  });

  it("reports trigger conditions that do not match but still previews the steps", () => {
    const result = dryRun(doc, triggers.bounce.example);
    expect(result.triggerMatched).toBe(false);
    expect(result.triggerRules[0]).toMatchObject({ matched: false, actual: "HardBounce" });
    expect(result.steps[0]!.status).toBe("would-run");
  });

  it("marks steps whose mappings cannot resolve or whose values break the schema", () => {
    const result = dryRun(doc, { ...bounce, Email: undefined, MessageStream: "not a stream!" });
    expect(result.ok).toBe(false);
    const suppress = result.steps[3]!;
    expect(suppress.status).toBe("error");
    expect(suppress.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(["body.Suppressions[0].EmailAddress", "params.streamId"]),
    );
  });

  it("returns no steps for an invalid document", () => {
    const result = dryRun({ version: 1 }, bounce);
    expect(result).toMatchObject({ ok: false, steps: [] });
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it("warns when the payload is another trigger's event", () => {
    const result = dryRun(doc, triggers.open.example);
    expect(result.problems).toContainEqual(expect.objectContaining({ field: "trigger.type", severity: "warning" }));
  });
});

describe("resolveStepRequest", () => {
  const parsed = workflowDocument.parse(doc);
  const activate = parsed.steps[2] as ActionStep;

  it("builds no request when a path parameter is missing", () => {
    const r = resolveStepRequest(activate, { trigger: bounce, steps: {} });
    expect(r.request).toBeNull();
    expect(r.problems.map((p) => p.kind)).toContain("unresolved");
  });

  it("uses the event's server unless the step names one", () => {
    const r = resolveStepRequest(activate, { trigger: bounce, steps: { lookup: { Bounces: [{ ID: 7 }] } } }, 5);
    expect(r.request).toMatchObject({ path: "/bounces/7/activate", serverId: 5 });
    expect(r.problems).toEqual([]);
  });
});

describe("matchesWorkflow", () => {
  const parsed = workflowDocument.parse({ ...doc, scope: { serverIds: [23], streams: ["Outbound"] } });
  it("matches on trigger type, scope and conditions", () => {
    expect(matchesWorkflow(parsed, { type: "bounce", payload: bounce })).toBe(true);
    expect(matchesWorkflow(parsed, { type: "spam-complaint", payload: bounce })).toBe(false);
    expect(matchesWorkflow(parsed, { type: "bounce", payload: { ...bounce, ServerID: 24 } })).toBe(false);
    expect(matchesWorkflow(parsed, { type: "bounce", payload: bounce, stream: "broadcast" })).toBe(false);
    expect(matchesWorkflow(parsed, { type: "bounce", payload: { ...bounce, Type: "HardBounce" } })).toBe(false);
    expect(matchesWorkflow(parsed, { type: "bounce", payload: { ...bounce, ServerID: undefined } })).toBe(false);
    expect(matchesWorkflow(parsed, { type: "bounce", payload: { ...bounce, ServerID: undefined }, serverId: 23 })).toBe(
      true,
    );
  });

  it("treats an absent or empty scope as every server and stream", () => {
    const open = workflowDocument.parse({ ...doc, scope: { serverIds: [], streams: [] } });
    expect(matchesWorkflow(open, { type: "bounce", payload: { ...bounce, ServerID: 1, MessageStream: "x" } })).toBe(
      true,
    );
  });
});
