import { describe, expect, it } from "vitest";
import { operations, triggerIds, triggers } from "../postmark";
import { workflowTriggers } from "./triggers";
import { dryRun } from "./dry-run";
import { instantiateTemplate, templatesForOperation, templatesForTrigger, workflowTemplates } from "./templates";
import { validateWorkflow } from "./validate";

describe("the workflow template library", () => {
  it("has at least 10 templates with unique ids covering all 8 triggers", () => {
    expect(workflowTemplates.length).toBeGreaterThanOrEqual(10);
    expect(new Set(workflowTemplates.map((t) => t.id)).size).toBe(workflowTemplates.length);
    for (const id of triggerIds) expect(templatesForTrigger(id).length, id).toBeGreaterThan(0);
  });

  it.each(workflowTemplates.map((t) => [t.id, t] as const))("%s validates without problems", (_id, template) => {
    const result = validateWorkflow(template.document);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(template.title).toBe(template.document.name);
    expect(template.description.length).toBeGreaterThan(20);
    for (const op of template.operations) expect(operations[op], op).toBeDefined();
  });

  it.each(workflowTemplates.map((t) => [t.id, t] as const))(
    "%s dry-runs on its trigger's example with no errors",
    (_id, template) => {
      const result = dryRun(template.document, workflowTriggers[template.triggers[0]!].example);
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.steps.length).toBe(template.document.steps.length);
    },
  );

  it.each(workflowTemplates.map((t) => [t.id, t] as const))(
    "%s matches its sample event and resolves every request",
    (_id, template) => {
      const result = dryRun(template.document, template.sample);
      expect(result.triggerMatched).toBe(true);
      expect(result.ok).toBe(true);
      for (const step of result.steps)
        if (step.status !== "skipped" && step.kind === "action") expect(step.request, step.stepId).toBeTruthy();
    },
  );

  it("gives destructive steps approval", () => {
    const removal = templatesForOperation("dataRemovals.create")[0]!;
    const parsed = validateWorkflow(removal.document).document!;
    expect(parsed.steps[0]).toMatchObject({ approval: "required", approvalPolicy: { approvers: 2 } });
  });

  it("finds templates by trigger and operation", () => {
    expect(templatesForTrigger("spam-complaint").map((t) => t.id)).toContain("spam-complaint-suppress-everywhere");
    expect(templatesForOperation("bounces.activate").map((t) => t.id)).toEqual(["bounce-reactivate-soft"]);
    expect(templatesForOperation("servers.delete")).toEqual([]);
  });

  it("hands out copies so that editing never changes the library", () => {
    const copy = instantiateTemplate("bounce-reactivate-soft")!;
    copy.name = "Changed";
    expect(workflowTemplates.find((t) => t.id === "bounce-reactivate-soft")!.document.name).not.toBe("Changed");
    expect(instantiateTemplate("nope")).toBeNull();
  });

  it("produces the expected requests for the brief's key examples", () => {
    const inbound = dryRun(instantiateTemplate("inbound-auto-reply"), triggers.inbound.example);
    expect(inbound.steps[0]!.request).toMatchObject({
      path: "/email/withTemplate",
      body: { To: "support@postmarkapp.com", TemplateModel: { name: "Postmarkapp Support", subject: "Test subject" } },
    });
    const soft = workflowTemplates.find((t) => t.id === "bounce-reactivate-soft")!;
    expect(dryRun(soft.document, soft.sample).steps[0]!.request).toMatchObject({
      method: "PUT",
      path: "/bounces/692560173/activate",
    });
    const block = workflowTemplates.find((t) => t.id === "hard-bounce-block-domain")!;
    const blocked = dryRun(block.document, block.sample, { recent: { TotalCount: 9, Bounces: [] } });
    expect(blocked.steps.map((s) => s.status)).toEqual(["would-run", "condition-passed", "needs-approval"]);
    expect(blocked.steps[2]!.request).toMatchObject({ path: "/triggers/inboundrules", body: { Rule: "example.com" } });
  });
});
