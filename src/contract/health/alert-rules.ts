import { z } from "zod";
import { bounceType } from "../postmark/shared";
import { triggerId } from "../postmark/triggers";
import { alertKindLabel, alertRuleKinds } from "./alert-kinds";
import { formatRate, judge, percentOf, type HealthThresholds, type Verdict } from "./verdict-logic";

// Alert rules are data (validated here, on both sides); what they measure comes from Postmark's
// stats and Mailroom's own stores, and `evaluateRule` decides, purely, whether that is a breach.

export { alertKindLabel, alertRuleKinds, type AlertRuleKind } from "./alert-kinds";
export const alertRuleKind = z.enum(alertRuleKinds);

export const alertScope = z.object({
  serverId: z.number().int().min(1),
  /** A message stream id, e.g. "outbound". */
  stream: z.string().trim().min(1).max(30).optional(),
  tag: z.string().trim().min(1).max(1000).optional(),
});
export type AlertScope = z.infer<typeof alertScope>;

const common = {
  name: z.string().trim().min(1, "Give the rule a name").max(100),
  enabled: z.boolean(),
  scope: alertScope,
  /**
   * The rolling window in days, ending today (Postmark's stats count whole days in US Eastern
   * time, so 1 means "today so far"). Ignored by the minute-based kinds.
   */
  windowDays: z.number().int().min(1).max(45),
  /** While still firing, remind after this long without a notification. */
  remindAfterMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
};

export const alertRuleInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("bounce-rate"), ...common, level: z.enum(["warning", "critical"]) }),
  z.object({ kind: z.literal("spam-rate"), ...common, level: z.enum(["warning", "critical"]) }),
  z.object({ kind: z.literal("bounce-type"), ...common, bounceType, atLeast: z.number().int().min(1).max(1_000_000) }),
  z.object({ kind: z.literal("smtp-api-errors"), ...common, atLeast: z.number().int().min(1).max(1_000_000) }),
  z.object({
    kind: z.literal("webhook-silence"),
    ...common,
    trigger: triggerId,
    minutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
  }),
  z.object({
    kind: z.literal("approvals-waiting"),
    ...common,
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
]);
export type AlertRuleInput = z.infer<typeof alertRuleInput>;

/** What the checker measured for a rule, by kind. */
export type Measurement =
  | { kind: "bounce-rate" | "spam-rate"; part: number; sent: number }
  | { kind: "bounce-type" | "smtp-api-errors"; count: number }
  /** Minutes since the last event of the trigger (null: none stored), and sends in the same minutes. */
  | { kind: "webhook-silence"; silentMinutes: number | null; sendsMeanwhile: number }
  /** Age in minutes of the oldest pending approval of the scope, and how many are older than the rule's limit. */
  | { kind: "approvals-waiting"; oldestMinutes: number | null; overdue: number };

export interface RuleOutcome {
  breached: boolean;
  /** The number that was judged (a rate in percent, a count, minutes). */
  value: number;
  /** A sentence for the alert row and the notification. */
  summary: string;
  verdict?: Verdict;
}

function scopeText(s: AlertScope): string {
  const parts = [s.stream ? `stream ${s.stream}` : null, s.tag ? `tag ${s.tag}` : null].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

export function windowText(days: number): string {
  return days === 1 ? "today" : `the last ${days} days`;
}

/** Whether a measurement breaches its rule. The measurement's kind must be the rule's. */
export function evaluateRule(rule: AlertRuleInput, m: Measurement, t: HealthThresholds): RuleOutcome {
  const scope = scopeText(rule.scope);
  const win = windowText(rule.windowDays);
  if (
    (rule.kind === "bounce-rate" || rule.kind === "spam-rate") &&
    (m.kind === "bounce-rate" || m.kind === "spam-rate")
  ) {
    const v = judge(rule.kind === "bounce-rate" ? "bounce" : "spam", { part: m.part, sent: m.sent }, t);
    const breached = v.level === "critical" || (rule.level === "warning" && v.level === "warning");
    const noun = rule.kind === "bounce-rate" ? "Bounce rate" : "Spam-complaint rate";
    return { breached, value: v.rate, verdict: v, summary: `${noun}${scope} ${win}: ${v.explanation}` };
  }
  if (rule.kind === "bounce-type" && m.kind === "bounce-type") {
    return {
      breached: m.count >= rule.atLeast,
      value: m.count,
      summary: `${m.count} ${rule.bounceType} bounce${m.count === 1 ? "" : "s"}${scope} ${win} (alert at ${rule.atLeast}).`,
    };
  }
  if (rule.kind === "smtp-api-errors" && m.kind === "smtp-api-errors") {
    return {
      breached: m.count >= rule.atLeast,
      value: m.count,
      summary: `${m.count} SMTP API error${m.count === 1 ? "" : "s"}${scope} ${win} (alert at ${rule.atLeast}).`,
    };
  }
  if (rule.kind === "webhook-silence" && m.kind === "webhook-silence") {
    const silent = m.silentMinutes === null || m.silentMinutes >= rule.minutes;
    const breached = silent && m.sendsMeanwhile > 0;
    const since =
      m.silentMinutes === null ? "No" : `No ${rule.trigger} event for ${Math.floor(m.silentMinutes)} minutes;`;
    const summary =
      m.silentMinutes === null
        ? `No ${rule.trigger} event has been received${scope}, while ${m.sendsMeanwhile} messages were sent.`
        : `${since} ${m.sendsMeanwhile} messages were sent meanwhile${scope} (alert after ${rule.minutes} minutes).`;
    return { breached, value: m.silentMinutes ?? Infinity, summary };
  }
  if (rule.kind === "approvals-waiting" && m.kind === "approvals-waiting") {
    const breached = m.overdue > 0;
    return {
      breached,
      value: m.oldestMinutes ?? 0,
      summary: breached
        ? `${m.overdue} approval${m.overdue === 1 ? "" : "s"} waiting longer than ${rule.minutes} minutes; the oldest for ${Math.floor(m.oldestMinutes ?? 0)} minutes.`
        : `No approval has waited longer than ${rule.minutes} minutes.`,
    };
  }
  throw new Error(`measurement ${m.kind} does not fit rule ${rule.kind}`);
}

/** A readable one-line description of a rule ("Bounce rate reaches critical on server 3, today"). */
export function describeRule(rule: AlertRuleInput): string {
  const scope = scopeText(rule.scope);
  switch (rule.kind) {
    case "bounce-rate":
    case "spam-rate":
      return `${alertKindLabel[rule.kind]}${scope} reaches ${rule.level} over ${windowText(rule.windowDays)}`;
    case "bounce-type":
      return `${rule.atLeast}+ ${rule.bounceType} bounces${scope} over ${windowText(rule.windowDays)}`;
    case "smtp-api-errors":
      return `${rule.atLeast}+ SMTP API errors${scope} over ${windowText(rule.windowDays)}`;
    case "webhook-silence":
      return `No ${rule.trigger} events${scope} for ${rule.minutes} minutes while sends continue`;
    case "approvals-waiting":
      return `An approval waits longer than ${rule.minutes} minutes`;
  }
}

export { formatRate, percentOf };
