// Alert rule kinds and statuses without zod: the alerts route's search params and the first
// screens use them, and route validation runs in the entry chunk.

export const alertRuleKinds = [
  "bounce-rate",
  "spam-rate",
  "bounce-type",
  "smtp-api-errors",
  "webhook-silence",
  "approvals-waiting",
] as const;
export type AlertRuleKind = (typeof alertRuleKinds)[number];

export const alertKindLabel: Record<AlertRuleKind, string> = {
  "bounce-rate": "Bounce rate",
  "spam-rate": "Spam-complaint rate",
  "bounce-type": "Bounces of one type",
  "smtp-api-errors": "SMTP API errors",
  "webhook-silence": "Webhook flow stopped",
  "approvals-waiting": "Approvals waiting",
};

export const alertStatuses = ["firing", "resolved"] as const;
export type AlertStatus = (typeof alertStatuses)[number];
