import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../contract/api/errors";

/** A failure with Mailroom's error shape; the app's error handler turns it into JSON. */
export class ApiFailure extends Error {
  override name = "ApiFailure";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const fail = (status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown): never => {
  throw new ApiFailure(status, code, message, details);
};

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
