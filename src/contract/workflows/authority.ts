import { roleAllows, roles, type Role } from "../api/auth";
import { operations } from "../postmark";
import type { Problem } from "./problems";
import type { ActionStep, ApprovalPolicy, WorkflowDocument } from "./schema";

/*
 * A workflow acts with the authority of the person who saved its version. These rules are the
 * server's (the editor shows the same ones before saving):
 * - every action step's operation risk must be one the author's role may call directly;
 * - a destructive step without approval ("auto") needs an admin author;
 * - a destructive step needs two approvers and no self-approval unless an admin authored it.
 */

/** The less powerful of two roles: a version acts with min(role when saved, role now). */
export function lowerRole(a: Role, b: Role): Role {
  return roles.indexOf(a) <= roles.indexOf(b) ? a : b;
}

const article = (role: Role) => (role === "admin" || role === "approver" || role === "operator" ? "an" : "a");

/** Why a step may not run with this role's authority (approved: it passed the approval queue), or null. */
export function stepRefusal(
  step: Pick<ActionStep, "id" | "operationId" | "approval">,
  role: Role,
  approved: boolean,
): string | null {
  const op = operations[step.operationId];
  if (!roleAllows[role].includes(op.risk)) {
    return `Step "${step.id}" calls "${op.title}", a ${op.risk} operation, which ${article(role)} ${role} may not call`;
  }
  if (op.risk === "destructive" && step.approval === "auto" && !approved && role !== "admin") {
    return `Step "${step.id}" runs "${op.title}", a destructive operation, without approval, which only an admin may allow`;
  }
  return null;
}

/** The approval policy the server enforces: destructive steps not authored by an admin need two approvers, none of them the author. */
export function enforcedPolicy(
  step: Pick<ActionStep, "operationId" | "approvalPolicy">,
  role: Role | null,
): ApprovalPolicy {
  const policy = step.approvalPolicy;
  if (operations[step.operationId].risk !== "destructive" || role === "admin") return policy;
  return { ...policy, approvers: 2, allowSelfApproval: false };
}

/** Errors that keep `role` from saving this document, or from acting as its author (each names its step). */
export function authorityProblems(doc: Pick<WorkflowDocument, "steps">, role: Role): Problem[] {
  const out: Problem[] = [];
  for (const step of doc.steps) {
    if (step.kind !== "action") continue;
    const refusal = stepRefusal(step, role, false);
    if (refusal) {
      out.push({
        stepId: step.id,
        field:
          step.approval === "auto" && roleAllows[role].includes(operations[step.operationId].risk)
            ? "approval"
            : "operationId",
        severity: "error",
        message: `${refusal}.`,
      });
      continue;
    }
    const op = operations[step.operationId];
    if (
      op.risk === "destructive" &&
      role !== "admin" &&
      (step.approvalPolicy.approvers < 2 || step.approvalPolicy.allowSelfApproval)
    ) {
      out.push({
        stepId: step.id,
        field: "approvalPolicy",
        severity: "error",
        message: `Step "${step.id}" calls "${op.title}", a destructive operation: it needs two approvers and no self-approval unless an admin saves it.`,
      });
    }
  }
  return out;
}
