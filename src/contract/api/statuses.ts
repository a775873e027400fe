// Status lists without their zod schemas: route search validation runs in the web app's entry
// chunk, and importing zod there would put it on the first page.

export const runStatuses = ["queued", "running", "waiting", "succeeded", "failed", "rejected", "expired"] as const;
export const approvalStatuses = ["pending", "approved", "rejected", "expired"] as const;
export const auditOutcomes = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];
