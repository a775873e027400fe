import { z } from "zod";
import type { AlertItem } from "../api/alerts";
import { alertRuleKinds } from "../health/alert-kinds";
import { triggers, type TriggerSpec } from "../postmark/triggers";
import { workflowTriggerIds, type WorkflowTriggerId } from "./trigger-ids";

export { workflowTriggerIds, type WorkflowTriggerId } from "./trigger-ids";
export const workflowTriggerId = z.enum(workflowTriggerIds);

/**
 * The event an alert starts workflows with. Named like Postmark's payloads (ServerID,
 * MessageStream) so that scopes, conditions and the data picker treat it like any other event.
 */
export const alertEventPayload = z.object({
  RecordType: z.literal("Alert"),
  AlertID: z.number().int(),
  RuleID: z.number().int(),
  RuleName: z.string(),
  Kind: z.enum(alertRuleKinds),
  ServerID: z.number().int(),
  MessageStream: z.string().nullable(),
  Tag: z.string().nullable(),
  /** The judged number when it breached: a rate in percent, a count or minutes, by Kind. */
  Value: z.number().nullable(),
  Summary: z.string(),
  StartedAt: z.string(),
});
export type AlertEventPayload = z.infer<typeof alertEventPayload>;

/** The payload of the alert trigger, built from a stored alert. */
export function alertEvent(a: AlertItem): AlertEventPayload {
  return {
    RecordType: "Alert",
    AlertID: a.id,
    RuleID: a.ruleId,
    RuleName: a.ruleName,
    Kind: a.kind,
    ServerID: a.serverId,
    MessageStream: a.stream,
    Tag: a.tag,
    Value: a.value,
    Summary: a.summary,
    StartedAt: a.startedAt,
  };
}

export interface WorkflowTriggerSpec extends Omit<TriggerSpec, "id"> {
  id: WorkflowTriggerId;
}

const alertTrigger: WorkflowTriggerSpec = {
  id: "alert",
  title: "Alert",
  description:
    "One of Mailroom's alert rules started firing (bounce or spam-complaint rate, a bounce type, SMTP API errors, a stopped webhook flow, approvals waiting). Runs start once per alert, when it opens.",
  setup: "Create an alert rule on the Alerts page; Mailroom checks the rules periodically.",
  recordType: "Alert",
  payload: alertEventPayload,
  fields: [
    { name: "AlertID", type: "number", notes: "Mailroom's id of this alert (the breach), shown on the Alerts page." },
    { name: "RuleID", type: "number", notes: "The rule that fired." },
    { name: "RuleName", type: "string", notes: "The rule's name as its author wrote it." },
    {
      name: "Kind",
      type: "string",
      notes: `What the rule watches: ${alertRuleKinds.join(", ")}.`,
    },
    { name: "ServerID", type: "number", notes: "The Postmark server the rule is scoped to." },
    { name: "MessageStream", type: "string", notes: "The stream the rule is scoped to, or null for all streams." },
    { name: "Tag", type: "string", notes: "The tag the rule is scoped to, or null." },
    {
      name: "Value",
      type: "number",
      notes: "The judged number: a rate in percent (rates), a count (bounce type, SMTP API errors) or minutes.",
    },
    { name: "Summary", type: "string", notes: "One sentence saying what breached, as shown on the overview." },
    { name: "StartedAt", type: "string", notes: "When the check that saw the breach ran (ISO 8601, UTC)." },
  ],
  example: {
    RecordType: "Alert",
    AlertID: 42,
    RuleID: 3,
    RuleName: "Bounce rate on outbound",
    Kind: "bounce-rate",
    ServerID: 4825139,
    MessageStream: "outbound",
    Tag: null,
    Value: 9.2,
    Summary: "Bounce rate (stream outbound) today: 97 bounces ÷ 1054 sent = 9.2%, at or above 8.0%: critical.",
    StartedAt: "2026-12-04T09:15:00.000Z",
  },
};

/** Every trigger a workflow can start from, with its title, payload schema, fields and example. */
export const workflowTriggers: Record<WorkflowTriggerId, WorkflowTriggerSpec> = { ...triggers, alert: alertTrigger };
