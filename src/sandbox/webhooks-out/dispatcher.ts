import { randomUUID } from "node:crypto";
import { buildHeaders, describeError, prepareTarget, type PreparedTarget } from "./request";
import { RETRY_SCHEDULE_MINUTES, isSuccess, retryDelayMs, stopsRetries } from "./retry-policy";
import type {
  DeliveryAttempt,
  DeliveryResult,
  RetryPolicy,
  WebhookDispatcher,
  WebhookDispatcherOptions,
  WebhookTarget,
} from "./types";

const DEFAULT_TIMEOUT_MS = 10_000;

/** One delivery in progress, kept so close() can cancel it. */
interface Delivery {
  timer: NodeJS.Timeout | null;
  finish(result: DeliveryResult): void;
  attempts: number;
}

/** Posts events to webhook URLs the way Postmark does: JSON body, retry schedule per trigger family, trace id stable across retries. */
export function createWebhookDispatcher(options: WebhookDispatcherOptions = {}): WebhookDispatcher {
  const timeScale = options.timeScale ?? 1;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const active = new Set<Delivery>();
  const closing = new AbortController();
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  const settleIfIdle = () => {
    if (inFlight > 0) return;
    const waiting = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiting) resolve();
  };

  const report = (attempt: DeliveryAttempt): void => {
    try {
      options.onAttempt?.(attempt);
    } catch {
      // An observer's bug must not break delivery.
    }
  };

  /** One POST; resolves to the status, or null with an error text when no response came back. */
  async function attempt(target: PreparedTarget, body: string, traceId: string, retriesRemaining: number) {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const response = await doFetch(target.url, {
        method: "POST",
        headers: buildHeaders(target, traceId, retriesRemaining),
        body,
        signal: AbortSignal.any([timeout, closing.signal]),
      });
      // The body is irrelevant, but releasing it lets the socket be reused.
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status as number | null, error: undefined };
    } catch (error) {
      return { status: null, error: describeError(error, timeout.aborted, timeoutMs) };
    }
  }

  function dispatch(target: WebhookTarget, payload: unknown, policy: RetryPolicy) {
    const traceId = randomUUID();
    let resolveDone!: (result: DeliveryResult) => void;
    const done = new Promise<DeliveryResult>((resolve) => (resolveDone = resolve));
    const delivery: Delivery = {
      timer: null,
      attempts: 0,
      finish: (result) => {
        if (delivery.timer) clearTimeout(delivery.timer);
        active.delete(delivery);
        resolveDone(result);
      },
    };
    if (closing.signal.aborted) {
      resolveDone({ delivered: false, attempts: 0 });
      return { traceId, done };
    }
    active.add(delivery);

    let prepared: PreparedTarget;
    let body: string;
    try {
      prepared = prepareTarget(target);
      buildHeaders(prepared, traceId, 0); // throws now on a malformed custom header name or value
      body = JSON.stringify(payload ?? null);
    } catch (error) {
      // A bad URL or an unserialisable payload will not get better by retrying.
      delivery.attempts = 1;
      report({
        traceId,
        url: target.url,
        attempt: 1,
        status: null,
        error: describeError(error, false, 0),
        at: new Date(),
      });
      delivery.finish({ delivered: false, attempts: 1 });
      return { traceId, done };
    }

    const maxRetries = RETRY_SCHEDULE_MINUTES[policy].length;
    const run = async (): Promise<void> => {
      delivery.timer = null;
      const number = ++delivery.attempts;
      const at = new Date();
      inFlight++;
      let answer: Awaited<ReturnType<typeof attempt>>;
      try {
        answer = await attempt(prepared, body, traceId, maxRetries - (number - 1));
      } finally {
        inFlight--;
        // Waiters resume after this attempt is recorded and finished (below), in a later microtask.
        queueMicrotask(settleIfIdle);
      }
      const { status, error } = answer;
      if (!active.has(delivery)) return; // closed while the request was in flight
      report({ traceId, url: prepared.url, attempt: number, status, ...(error ? { error } : {}), at });

      if (status !== null && isSuccess(status)) return delivery.finish({ delivered: true, attempts: number });
      const delay = stopsRetries(status) ? null : retryDelayMs(policy, number, timeScale);
      if (delay === null) return delivery.finish({ delivered: false, attempts: number });
      delivery.timer = setTimeout(() => {
        run().catch(() => delivery.finish({ delivered: false, attempts: delivery.attempts }));
      }, delay);
    };
    run().catch((error: unknown) => {
      report({
        traceId,
        url: prepared.url,
        attempt: delivery.attempts,
        status: null,
        error: describeError(error, false, 0),
        at: new Date(),
      });
      delivery.finish({ delivered: false, attempts: delivery.attempts });
    });
    return { traceId, done };
  }

  return {
    dispatch,
    pending: () => active.size,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    close() {
      closing.abort();
      for (const delivery of [...active]) delivery.finish({ delivered: false, attempts: delivery.attempts });
    },
  };
}
