import { ApiError, toApiError } from "./api-error";

export interface ApiResponse<T = unknown> {
  status: number;
  ok: boolean;
  body: T;
  /** Milliseconds from sending to having the parsed body. */
  durationMs: number;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends a request and returns whatever came back; only a network failure throws. */
export async function rawRequest<T = unknown>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError({ kind: "network", status: 0, message: "Mailroom did not answer. Is the server running?" });
  }
  const parsed = await readBody(res);
  return { status: res.status, ok: res.ok, body: parsed as T, durationMs: Math.round(performance.now() - started) };
}

/** Like rawRequest, but a non-2xx answer throws an ApiError. */
export async function apiRequest<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await rawRequest<T>(path, options);
  if (!res.ok) throw toApiError(res.status, res.body);
  return res.body;
}
