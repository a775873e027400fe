import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
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

export interface ErrorAnswer {
  status: ContentfulStatusCode;
  body: ReturnType<typeof errorBody>;
  headers?: Record<string, string>;
}

/** The one place where a thrown error becomes `{error:{code,message,details?}}`. */
export function errorHandler(logger: Logger, knownTokens: () => string[]) {
  const answer = errorAnswerer(logger, knownTokens);
  return (err: Error, c: Context) => {
    const a = answer(err, c.req.path);
    if (a.headers) for (const [k, v] of Object.entries(a.headers)) c.header(k, v);
    return c.json(a.body, a.status);
  };
}

/** The answer to a thrown error, for the app and for the routes served from node's request; `path` is for the log. */
export function errorAnswerer(logger: Logger, knownTokens: () => string[]) {
  return (err: Error, path: string): ErrorAnswer => {
    const scrub = (text: string) => scrubTokens(text, knownTokens());
    if (err instanceof ApiFailure) {
      return { status: err.status, body: errorBody(err.code, scrub(err.message), err.details), headers: err.headers };
    }
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      const first = details[0];
      const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "The request is not valid.";
      return { status: 400, body: errorBody("validation_failed", message, details) };
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      return {
        status,
        body: errorBody(byStatus[status] ?? "internal", err.message || "The request could not be handled."),
      };
    }
    logger.error("unhandled error", {
      path: redactPath(path),
      error: scrub(err.message),
      stack: scrub(err.stack?.split("\n").slice(0, 4).join(" | ") ?? ""),
    });
    return {
      status: 500,
      body: errorBody("internal", "Something went wrong inside Mailroom. The details are in the server log."),
    };
  };
}
