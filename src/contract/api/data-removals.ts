import { z } from "zod";

/** POST /api/data-removals: what Postmark's data removal request takes. */
export const createDataRemovalRequest = z.object({
  RequestedFor: z
    .string()
    .trim()
    .min(1, "Enter the email address whose data should be erased.")
    .max(255)
    .regex(/^[^\s@]+@[^\s@]+$/, "An email address, e.g. leaver@example.com"),
  RequestedBy: z
    .string()
    .trim()
    .min(1, "Enter the email address of the person asking (you or your DPO).")
    .max(255)
    .regex(/^[^\s@]+@[^\s@]+$/, "An email address, e.g. dpo@example.com"),
  NotifyWhenCompleted: z.boolean().optional(),
});
export type CreateDataRemovalRequest = z.infer<typeof createDataRemovalRequest>;

/** A data removal request as Mailroom keeps it: Postmark offers no list of requests. */
export interface DataRemovalRecord {
  id: number;
  /** Postmark's ID of the request. */
  postmarkId: number;
  requestedFor: string;
  requestedBy: string;
  /** The Mailroom user who made the request. */
  createdBy: string;
  createdAt: string;
  /** Postmark's status: Pending, Done… */
  status: string;
  statusCheckedAt: string | null;
  completedAt: string | null;
  /** Why the last status check failed, if it did. */
  lastError: string | null;
}

export interface DataRemovalsResponse {
  removals: DataRemovalRecord[];
}
