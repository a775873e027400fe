import type { RetryPolicy } from "./types";

const MINUTE_MS = 60_000;

/** Minutes to wait before each retry (Postmark's webhook docs; the 2026 outbound revision is unconfirmed and not used). */
export const RETRY_SCHEDULE_MINUTES: Record<RetryPolicy, readonly number[]> = {
  inbound: [1, 5, 10, 10, 10, 15, 30, 60, 120, 360],
  outbound: [1, 5, 15],
};

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Delay before retry number `retry` (1-based), or null when the policy has no retries left. */
export function retryDelayMs(policy: RetryPolicy, retry: number, timeScale: number): number | null {
  const minutes = RETRY_SCHEDULE_MINUTES[policy][retry - 1];
  return minutes === undefined ? null : minutes * MINUTE_MS * timeScale;
}

/** A 403 tells Postmark the receiver refuses the post for good. */
export function stopsRetries(status: number | null): boolean {
  return status === 403;
}
