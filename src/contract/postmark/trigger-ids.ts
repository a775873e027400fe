/** Trigger ids without their schemas: zod-free, so the web entry (route search validation) can import them. */
export const triggerIds = [
  "bounce",
  "click",
  "inbound",
  "open",
  "spam-complaint",
  "subscription-change",
  "delivery",
  "smtp-api-error",
] as const;
export type TriggerId = (typeof triggerIds)[number];
