import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import type { ErrorCode } from "../../contract/api/errors";
import { ApiFailure, errorBody } from "../errors";
import type { Logger } from "../logger";
import { scrubTokens } from "../proxy/redact";
import { redactPath } from "./request-log";

const byStatus: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  429: "too_many_requests",
  503: "unavailable",
};

/** The one place where a thrown error becomes `{error:{code,message,details?}}`. */
export function errorHandler(logger: Logger, knownTokens: () => string[]) {
  return (err: Error, c: Context) => {
    const scrub = (text: string) => scrubTokens(text, knownTokens());
    if (err instanceof ApiFailure) {
      if (err.headers) for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(err.code, scrub(err.message), err.details), err.status);
    }
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      const first = details[0];
      const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "The request is not valid.";
      return c.json(errorBody("validation_failed", message, details), 400);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      return c.json(
        errorBody(byStatus[status] ?? "internal", err.message || "The request could not be handled."),
        status,
      );
    }
    logger.error("unhandled error", {
      path: redactPath(c.req.path),
      error: scrub(err.message),
      stack: scrub(err.stack?.split("\n").slice(0, 4).join(" | ") ?? ""),
    });
    return c.json(
      errorBody("internal", "Something went wrong inside Mailroom. The details are in the server log."),
      500,
    );
  };
}
