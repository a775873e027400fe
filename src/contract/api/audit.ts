import { z } from "zod";

/** Who did it: a signed-in user, or Mailroom itself ("system", "workflow-engine", "webhook-intake"). */
export const auditActor = z.object({
  /** Null for system actors and for unknown usernames (failed sign-in). */
  userId: z.number().int().nullable(),
  name: z.string(),
});
export type AuditActor = z.infer<typeof auditActor>;

/**
 * Dotted action names; filters match by prefix ("auth." matches all of auth).
 * Known kinds: auth.login, auth.login.failed, auth.logout, user.create, user.update (role/password),
 * user.delete, settings.connection.save, settings.connection.forget, settings.webhooks.apply,
 * postmark.write (every proxied write/destructive call), approval.approve, approval.reject,
 * approval.edit, approval.link.create, push.subscribe, push.unsubscribe.
 */
import { auditOutcomes } from "./statuses";
export { auditOutcomes } from "./statuses";
export const auditOutcome = z.enum(auditOutcomes);
export type AuditOutcome = z.infer<typeof auditOutcome>;

export const auditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: auditActor,
  action: z.string(),
  /** What was acted on, e.g. "user:alice", "approval:12", "POST /email/batch". */
  target: z.string().nullable(),
  outcome: auditOutcome,
  /** HTTP status or Postmark ErrorCode, when there is one; free text otherwise. */
  outcomeDetail: z.string().nullable(),
  requestId: z.string().nullable(),
  /** Structured context without secrets. */
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditRecord = z.infer<typeof auditRecord>;

/** GET /api/audit and /api/audit/export query (admin only). Newest first, keyset-paged by seq. */
export const auditQuery = z.object({
  actor: z.string().trim().max(200).optional(),
  /** Prefix match on the action. */
  action: z.string().trim().max(200).optional(),
  /** Substring match on the target. */
  target: z.string().trim().max(500).optional(),
  outcome: auditOutcome.optional(),
  /** ISO times, inclusive. */
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  /** Return records with seq < before. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditResponse = z.object({ records: z.array(auditRecord), nextBefore: z.number().int().nullable() });
export type AuditResponse = z.infer<typeof auditResponse>;

/** GET /api/audit/export?format=jsonl|csv plus the filters of auditQuery (no paging; streams all). */
export const auditExportFormat = z.enum(["jsonl", "csv"]);
export const auditExportQuery = auditQuery
  .omit({ before: true, limit: true })
  .extend({ format: auditExportFormat.default("jsonl") });
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

/** GET /api/audit/verify: walks the whole chain from seq 1. */
export const auditVerifyResponse = z.object({
  intact: z.boolean(),
  /** Records checked (all of them when intact). */
  checked: z.number().int(),
  /** Last seq in the chain (0 when empty). */
  lastSeq: z.number().int(),
  firstBrokenSeq: z.number().int().optional(),
  /** "hash_mismatch" (record changed), "prev_hash_mismatch" (record deleted or reordered), "seq_gap". */
  reason: z.string().optional(),
  checkedAt: z.string(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
