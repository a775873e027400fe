import { describe, expect, it } from "vitest";
import { authorityProblems, enforcedPolicy, lowerRole, stepRefusal } from "./authority";
import { workflowDocument } from "./schema";

const doc = (steps: unknown[]) => workflowDocument.parse({ version: 1, name: "w", trigger: { type: "bounce" }, steps });
const wipe = (over: Record<string, unknown> = {}) => ({
  id: "wipe",
  kind: "action",
  operationId: "servers.delete",
  params: { serverid: 3 },
  ...over,
});
const suppress = {
  id: "suppress",
  kind: "action",
  operationId: "suppressions.create",
  params: { streamId: "outbound" },
  body: { Suppressions: [] },
};

describe("workflow authority rules", () => {
  it("acts with the lower of two roles", () => {
    expect(lowerRole("admin", "operator")).toBe("operator");
    expect(lowerRole("viewer", "admin")).toBe("viewer");
    expect(lowerRole("approver", "approver")).toBe("approver");
  });

  it("refuses steps beyond the role, naming the step, operation and risk", () => {
    expect(authorityProblems(doc([suppress, wipe()]), "operator")).toEqual([
      {
        stepId: "wipe",
        field: "operationId",
        severity: "error",
        message: 'Step "wipe" calls "Delete a server", a destructive operation, which an operator may not call.',
      },
    ]);
    expect(authorityProblems(doc([suppress]), "approver")[0]!.message).toBe(
      'Step "suppress" calls "Add addresses to suppression list", a write operation, which an approver may not call.',
    );
    expect(authorityProblems(doc([suppress]), "viewer")[0]!.message).toMatch(/which a viewer may not call/);
    expect(
      authorityProblems(
        doc([suppress, wipe({ approval: "auto", approvalPolicy: { approvers: 1, allowSelfApproval: true } })]),
        "admin",
      ),
    ).toEqual([]);
  });

  it("lets only an admin run a destructive step without approval, unless it was approved", () => {
    const step = doc([wipe({ approval: "auto" })]).steps[0]!;
    if (step.kind !== "action") throw new Error("action expected");
    expect(stepRefusal(step, "admin", false)).toBeNull();
    expect(stepRefusal(step, "operator", true)).toMatch(/may not call/);
  });

  it("enforces two approvers and no self-approval on destructive steps not authored by an admin", () => {
    const step = doc([
      wipe({ approval: "required", approvalPolicy: { approvers: 1, allowSelfApproval: true, expiresInHours: 3 } }),
    ]).steps[0]!;
    if (step.kind !== "action") throw new Error("action expected");
    expect(enforcedPolicy(step, "admin")).toEqual({ approvers: 1, allowSelfApproval: true, expiresInHours: 3 });
    expect(enforcedPolicy(step, "operator")).toEqual({ approvers: 2, allowSelfApproval: false, expiresInHours: 3 });
    expect(enforcedPolicy(step, null)).toEqual({ approvers: 2, allowSelfApproval: false, expiresInHours: 3 });
    const write = doc([{ ...suppress, approvalPolicy: { approvers: 1, allowSelfApproval: true } }]).steps[0]!;
    if (write.kind !== "action") throw new Error("action expected");
    expect(enforcedPolicy(write, "operator")).toMatchObject({ approvers: 1, allowSelfApproval: true });
  });
});
