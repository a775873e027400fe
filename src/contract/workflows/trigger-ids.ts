import { triggerIds } from "../postmark/trigger-ids";

/**
 * What can start a workflow: Postmark's 8 webhook triggers, and `alert` (one of Mailroom's alert
 * rules started firing). Zod-free, so route search validation in the entry can use it.
 */
export const workflowTriggerIds = [...triggerIds, "alert"] as const;
export type WorkflowTriggerId = (typeof workflowTriggerIds)[number];
