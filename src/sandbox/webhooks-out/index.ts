// Postmark-style outgoing webhooks for the sandbox: delivery, auth, headers and retry schedules.
export { createWebhookDispatcher } from "./dispatcher";
export { RETRY_SCHEDULE_MINUTES } from "./retry-policy";
export type {
  DeliveryAttempt,
  DeliveryResult,
  RetryPolicy,
  WebhookDispatcher,
  WebhookDispatcherOptions,
  WebhookTarget,
} from "./types";
