import { ApiFailure } from "../errors";
import type { ExecuteResult } from "../proxy/execute";
import { maskSecrets } from "../proxy/secret-mask";

export interface ItemError {
  index: number;
  errorCode: number;
  message: string;
}

/** How one call ended, and whether trying again can help. */
export type CallOutcome =
  | { kind: "ok"; status: number; response: unknown; itemErrors: ItemError[] }
  | {
      kind: "retry";
      status: number | null;
      response: unknown;
      error: { code: string; message: string; errorCode?: number | null };
    }
  | {
      kind: "fail";
      status: number | null;
      response: unknown;
      error: { code: string; message: string; errorCode?: number | null };
    };

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Items of a batch answer that failed: a top-level list, or lists inside the answer, with ErrorCode ≠ 0. */
export function itemErrors(response: unknown): ItemError[] {
  const lists: unknown[][] = [];
  if (Array.isArray(response)) lists.push(response);
  else if (response && typeof response === "object")
    for (const v of Object.values(response)) if (Array.isArray(v)) lists.push(v);
  const out: ItemError[] = [];
  for (const list of lists) {
    list.forEach((item, index) => {
      if (!item || typeof item !== "object") return;
      const code = (item as { ErrorCode?: unknown }).ErrorCode;
      if (typeof code === "number" && code !== 0)
        out.push({ index, errorCode: code, message: String((item as { Message?: unknown }).Message ?? "") });
    });
  }
  return out;
}

/**
 * Postmark's answer → outcome: 2xx ok, 429 and 5xx retry, other 4xx fail with ErrorCode/Message.
 * The answer is masked as the proxy masks it before it is stored or offered to later steps'
 * mappings: a workflow must not read webhook credentials its author could not read in the console.
 */
export function classifyResult(res: ExecuteResult): CallOutcome {
  const body = parse(maskSecrets(res.body));
  if (res.status >= 200 && res.status < 300)
    return { kind: "ok", status: res.status, response: body, itemErrors: itemErrors(body) };
  const pm = body && typeof body === "object" ? (body as { ErrorCode?: unknown; Message?: unknown }) : {};
  const error = {
    code: `http_${res.status}`,
    message: typeof pm.Message === "string" ? pm.Message : `Postmark answered HTTP ${res.status}`,
    errorCode: typeof pm.ErrorCode === "number" ? pm.ErrorCode : null,
  };
  return {
    kind: res.status === 429 || res.status >= 500 ? "retry" : "fail",
    status: res.status,
    response: body,
    error,
  };
}

/** A thrown execute() failure: 502/504 (unreachable, timeout) retry; refusals (403, 503 not configured…) fail. */
export function classifyError(e: unknown): CallOutcome {
  if (e instanceof ApiFailure) {
    const retry = e.status === 502 || e.status === 504;
    return {
      kind: retry ? "retry" : "fail",
      status: null,
      response: null,
      error: { code: e.code, message: e.message },
    };
  }
  return {
    kind: "fail",
    status: null,
    response: null,
    error: { code: "internal", message: (e as Error)?.message ?? String(e) },
  };
}

/** Exponential backoff with jitter: base·2^(n−1), capped, times a random factor in [0.5, 1). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const raw = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(raw * (0.5 + random() * 0.5));
}
