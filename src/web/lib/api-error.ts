/** Every failed HTTP call in the browser becomes one of these, so the UI handles errors in one place. */
export type ApiErrorKind = "mailroom" | "postmark" | "network" | "unexpected";

export interface ApiErrorInit {
  kind: ApiErrorKind;
  status: number;
  message: string;
  /** Mailroom's own error code (`{error: {code}}`). */
  code?: string;
  /** Postmark's ErrorCode, passed through the proxy unchanged. */
  postmarkCode?: number;
  body?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly code: string | undefined;
  readonly postmarkCode: number | undefined;
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = "ApiError";
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.postmarkCode = init.postmarkCode;
    this.body = init.body;
  }

  /** 4xx answers will not change on a retry. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads Mailroom's `{error:{code,message}}` or Postmark's `{ErrorCode, Message}` out of an error body. */
export function toApiError(status: number, body: unknown, statusText = ""): ApiError {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.message === "string") {
    return new ApiError({
      kind: "mailroom",
      status,
      code: typeof body.error.code === "string" ? body.error.code : undefined,
      message: body.error.message,
      body,
    });
  }
  if (isRecord(body) && typeof body.ErrorCode === "number") {
    return new ApiError({
      kind: "postmark",
      status,
      postmarkCode: body.ErrorCode,
      message: typeof body.Message === "string" ? body.Message : `Postmark error ${body.ErrorCode}`,
      body,
    });
  }
  const text = typeof body === "string" && body.trim() ? body.trim().slice(0, 200) : statusText || "Request failed";
  return new ApiError({ kind: "unexpected", status, message: `${status} ${text}`, body });
}

/** A short line for a toast. */
export function describeError(e: unknown): string {
  if (isApiError(e)) {
    if (e.kind === "postmark") return `Postmark error ${e.postmarkCode}: ${e.message}`;
    return e.message;
  }
  if (e instanceof Error) return e.message;
  return "Something went wrong";
}
