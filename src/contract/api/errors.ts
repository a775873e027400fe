import { z } from "zod";

/** Mailroom's own error codes (Postmark's answers pass through the proxy unchanged). */
export const errorCodes = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "bad_origin",
  "not_found",
  "method_not_allowed",
  "conflict",
  /** A signed link that was used, expired, or no longer matches the action it was made for. */
  "gone",
  "payload_too_large",
  "too_many_requests",
  "upstream_unreachable",
  "upstream_timeout",
  "not_configured",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const apiError = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiError>;
