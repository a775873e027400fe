import { z } from "zod";
import { alertRuleInput, alertRuleKind } from "../health/alert-rules";
import { alertStatuses } from "../health/alert-kinds";
import { healthThresholds, verdict } from "../health/verdicts";

export const alertRule = z.object({
  id: z.number().int(),
  rule: alertRuleInput,
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AlertRule = z.infer<typeof alertRule>;
export const alertRulesResponse = z.object({ rules: z.array(alertRule) });
export type AlertRulesResponse = z.infer<typeof alertRulesResponse>;

export { alertStatuses, type AlertStatus } from "../health/alert-kinds";
export const alertStatus = z.enum(alertStatuses);

/** One breach of a rule, from the check that saw it first to the first check that did not. */
export const alertItem = z.object({
  id: z.number().int(),
  ruleId: z.number().int(),
  ruleName: z.string(),
  kind: alertRuleKind,
  serverId: z.number().int(),
  stream: z.string().nullable(),
  tag: z.string().nullable(),
  status: alertStatus,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** The judged number when it last breached (a rate in percent, a count or minutes). */
  value: z.number().nullable(),
  summary: z.string(),
  lastCheckedAt: z.string(),
  notifications: z.number().int(),
  lastNotifiedAt: z.string().nullable(),
});
export type AlertItem = z.infer<typeof alertItem>;

export const alertsQuery = z.object({
  status: alertStatus.optional(),
  kind: alertRuleKind.optional(),
  rule: z.coerce.number().int().min(1).optional(),
  server: z.coerce.number().int().min(1).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertsQuery = z.infer<typeof alertsQuery>;
export const alertsResponse = z.object({ alerts: z.array(alertItem), nextBefore: z.number().int().nullable() });
export type AlertsResponse = z.infer<typeof alertsResponse>;

/** POST /api/alerts/check: what one pass of the checker did. */
export const alertCheckResponse = z.object({
  checked: z.number().int(),
  opened: z.number().int(),
  resolved: z.number().int(),
  notified: z.number().int(),
  /** Workflow runs started by alerts (the `alert` trigger) in this pass. */
  workflowRuns: z.number().int(),
  errors: z.array(z.object({ ruleId: z.number().int(), message: z.string() })),
  at: z.string(),
});
export type AlertCheckResponse = z.infer<typeof alertCheckResponse>;

/** GET/PUT /api/alerts/thresholds (PUT: admin, body = HealthThresholds). */
export const thresholdsResponse = z.object({
  thresholds: healthThresholds,
  defaults: healthThresholds,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ThresholdsResponse = z.infer<typeof thresholdsResponse>;

// --- the overview (home page) ---

export const volumeVerdicts = z.object({
  sent: z.number(),
  bounce: verdict,
  spam: verdict,
});
export type VolumeVerdicts = z.infer<typeof volumeVerdicts>;

export const scopedVerdicts = volumeVerdicts.extend({ name: z.string() });
export type ScopedVerdicts = z.infer<typeof scopedVerdicts>;

/** GET /api/overview/health?server=&days= : verdicts for today and the period, per stream and per tag. */
export const healthVerdictsResponse = z.object({
  serverId: z.number().int().nullable(),
  thresholds: healthThresholds,
  today: volumeVerdicts.extend({ fromdate: z.string(), todate: z.string() }),
  period: volumeVerdicts.extend({ fromdate: z.string(), todate: z.string(), days: z.number().int() }),
  streams: z.array(scopedVerdicts),
  /** Worst first; tags are those seen in stored events of the period. */
  tags: z.array(scopedVerdicts),
});
export type HealthVerdictsResponse = z.infer<typeof healthVerdictsResponse>;

export const overviewServerRow = z.object({
  serverId: z.number().int(),
  name: z.string(),
  today: volumeVerdicts.nullable(),
  firing: z.number().int(),
  error: z.string().nullable(),
});
/** GET /api/overview/servers: a compact row per server (account token only). */
export const overviewServersResponse = z.object({ servers: z.array(overviewServerRow), account: z.boolean() });
export type OverviewServersResponse = z.infer<typeof overviewServersResponse>;

/** GET /api/overview?server= : what needs a person, from Mailroom's own stores (no Postmark call). */
export const overviewResponse = z.object({
  serverId: z.number().int().nullable(),
  approvals: z.object({
    pending: z.number().int(),
    oldest: z
      .object({
        id: z.number().int(),
        createdAt: z.string(),
        workflowName: z.string(),
        expiresAt: z.string(),
        method: z.string(),
        path: z.string(),
      })
      .nullable(),
  }),
  runs: z.object({
    failed: z.number().int(),
    waiting: z.number().int(),
    recent: z.array(
      z.object({
        id: z.number().int(),
        status: z.string(),
        workflowName: z.string(),
        createdAt: z.string(),
        error: z.string().nullable(),
      }),
    ),
  }),
  webhooks: z.object({
    triggers: z.array(z.object({ trigger: z.string(), lastAt: z.string().nullable(), last24h: z.number().int() })),
    refusals: z.object({ last24h: z.number().int(), lastAt: z.string().nullable() }),
  }),
  alerts: z.array(alertItem),
  /** Days for which "failed" and "recent" count runs. */
  since: z.string(),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

/** GET /api/overview/tags?server= : tags seen in stored events, most used first (for filters). */
export const tagsResponse = z.object({ tags: z.array(z.object({ tag: z.string(), events: z.number().int() })) });
export type TagsResponse = z.infer<typeof tagsResponse>;
