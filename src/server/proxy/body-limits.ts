import type { Operation } from "../../contract/postmark/index";

/**
 * Operations whose bodies may be large: sends carry attachments (Postmark takes up to 50 MB for
 * a batch). Every other operation's body is a small settings object, so it gets the small limit
 * and no caller (a viewer validating a template, say) can make Mailroom buffer megabytes.
 */
const LARGE_BODY_OPERATIONS: ReadonlySet<string> = new Set([
  "email.send",
  "email.sendBatch",
  "email.sendWithTemplate",
  "email.sendBatchWithTemplates",
  "bulk.send",
]);

export interface BodyLimits {
  /** MAX_BODY_BYTES: sends. */
  large: number;
  /** MAX_API_BODY_BYTES: everything else. */
  small: number;
}

export interface BodyLimit {
  bytes: number;
  /** The variable an admin can raise. */
  setting: "MAX_BODY_BYTES" | "MAX_API_BODY_BYTES";
}

export function bodyLimitFor(op: Pick<Operation, "id">, limits: BodyLimits): BodyLimit {
  return LARGE_BODY_OPERATIONS.has(op.id)
    ? { bytes: limits.large, setting: "MAX_BODY_BYTES" }
    : { bytes: Math.min(limits.small, limits.large), setting: "MAX_API_BODY_BYTES" };
}
