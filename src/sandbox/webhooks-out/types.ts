export interface WebhookTarget {
  url: string;
  httpAuth?: { Username: string; Password: string } | null;
  httpHeaders?: { Name: string; Value: string }[];
}

/** "inbound" also covers the bounce family (bounce, spam complaint, SMTP API error); "outbound" is open, click, delivery, subscription change. */
export type RetryPolicy = "inbound" | "outbound";

export interface DeliveryAttempt {
  traceId: string;
  /** The URL requested, with any embedded credentials removed. */
  url: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** HTTP status, or null when no response arrived (network error, timeout, bad target). */
  status: number | null;
  error?: string;
  at: Date;
}

export interface DeliveryResult {
  delivered: boolean;
  attempts: number;
}

export interface WebhookDispatcherOptions {
  /** Multiplies every retry delay: 1 = real time; 0.0001 turns the 6 h inbound wait into about 2 s. */
  timeScale?: number;
  fetch?: typeof fetch;
  /** Per-attempt timeout; a timeout counts as a failed attempt. */
  timeoutMs?: number;
  onAttempt?: (attempt: DeliveryAttempt) => void;
}

export interface WebhookDispatcher {
  /** Starts delivery in the background; never throws. */
  dispatch(
    target: WebhookTarget,
    payload: unknown,
    policy: RetryPolicy,
  ): { traceId: string; done: Promise<DeliveryResult> };
  /** Deliveries not finished yet (in flight or waiting for a retry). */
  pending(): number;
  /** Resolves once no attempt is in flight (deliveries waiting for a retry do not count); tests wait on this, not on time. */
  idle(): Promise<void>;
  /** Cancels waiting retries and in-flight requests; their `done` resolves as not delivered. */
  close(): void;
}
