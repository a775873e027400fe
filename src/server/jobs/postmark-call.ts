import type { OperationId } from "../../contract/postmark/index";
import { ApiFailure } from "../errors";

/** What a job asks Postmark: an operation of the catalog (path params, query, JSON body). */
export interface JobCall {
  operationId: OperationId;
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface JobCallResult {
  status: number;
  /** Parsed JSON, or the text when it was not JSON. */
  body: unknown;
}

/** Postmark asks clients to slow down with 429 and has bad moments with 5xx: both are worth another try. */
export const retryableStatus = (status: number) => status === 429 || status >= 500;
export const retryableFailure = (e: unknown) =>
  e instanceof ApiFailure && (e.code === "upstream_unreachable" || e.code === "upstream_timeout");

/** Exponential backoff from `baseMs`, capped. */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number) =>
  Math.min(maxMs, baseMs * 2 ** (attempt - 1));

export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Postmark's `ErrorCode: Message` of an error answer, for a per-item result. */
export function describeFailure(r: JobCallResult): { status: number; errorCode: number | null; message: string } {
  const b = r.body as { ErrorCode?: unknown; Message?: unknown } | null;
  const errorCode = typeof b?.ErrorCode === "number" ? b.ErrorCode : null;
  const message =
    typeof b?.Message === "string"
      ? b.Message
      : typeof r.body === "string" && r.body
        ? r.body.slice(0, 300)
        : `HTTP ${r.status}`;
  return { status: r.status, errorCode, message };
}

/** A failure that ends a job with a message for its page (Postmark refused, a limit was hit…). */
export class JobError extends Error {
  override name = "JobError";
}
