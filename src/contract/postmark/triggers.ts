import { z } from "zod";
import examples from "./fixtures/trigger-examples.json";
import fieldDocs from "./fixtures/trigger-fields.json";

import { triggerIds, type TriggerId } from "./trigger-ids";
export { triggerIds, type TriggerId } from "./trigger-ids";
export const triggerId = z.enum(triggerIds);

const metadata = z.record(z.string(), z.string());
const clientInfo = z.looseObject({
  Name: z.string().optional(),
  Company: z.string().optional(),
  Family: z.string().optional(),
});
const geo = z.looseObject({ Country: z.string().optional(), City: z.string().optional(), IP: z.string().optional() });
const address = z.looseObject({ Email: z.string(), Name: z.string().optional(), MailboxHash: z.string().optional() });

const bounceLike = z.looseObject({
  RecordType: z.literal("Bounce"),
  ID: z.number(),
  Type: z.string(),
  TypeCode: z.number(),
  MessageID: z.string(),
  Email: z.string(),
  MessageStream: z.string().optional(),
  ServerID: z.number().optional(),
  Tag: z.string().nullish(),
  Metadata: metadata.optional(),
  BouncedAt: z.string(),
});

const engagement = {
  MessageID: z.string(),
  Recipient: z.string(),
  ReceivedAt: z.string(),
  MessageStream: z.string().optional(),
  Tag: z.string().nullish(),
  Metadata: metadata.optional(),
  Client: clientInfo.optional(),
  OS: clientInfo.optional(),
  Platform: z.string().optional(),
  Geo: geo.optional(),
};

/** Payload schemas: the fields Mailroom relies on; everything else passes through. */
export const triggerPayloads = {
  bounce: bounceLike,
  "smtp-api-error": bounceLike.extend({ Type: z.literal("SMTPApiError") }),
  "spam-complaint": bounceLike.extend({ RecordType: z.literal("SpamComplaint") }),
  click: z.looseObject({
    RecordType: z.literal("Click"),
    OriginalLink: z.string(),
    ClickLocation: z.string().optional(),
    ...engagement,
  }),
  open: z.looseObject({
    RecordType: z.literal("Open"),
    FirstOpen: z.boolean().optional(),
    ReadSeconds: z.number().optional(),
    ...engagement,
  }),
  delivery: z.looseObject({
    RecordType: z.literal("Delivery"),
    MessageID: z.string(),
    Recipient: z.string(),
    DeliveredAt: z.string(),
    ServerID: z.number().optional(),
    MessageStream: z.string().optional(),
    Tag: z.string().nullish(),
    Details: z.string().optional(),
    Metadata: metadata.optional(),
  }),
  "subscription-change": z.looseObject({
    RecordType: z.literal("SubscriptionChange"),
    Recipient: z.string(),
    ChangedAt: z.string(),
    SuppressSending: z.boolean(),
    SuppressionReason: z.string().nullable().optional(),
    Origin: z.string().optional(),
    MessageID: z.string().nullable().optional(),
    ServerID: z.number().optional(),
    MessageStream: z.string().optional(),
    Metadata: metadata.optional(),
  }),
  inbound: z.looseObject({
    From: z.string(),
    FromFull: address.optional(),
    To: z.string().optional(),
    ToFull: z.array(address).optional(),
    Subject: z.string().optional(),
    MessageID: z.string(),
    Date: z.string().optional(),
    MailboxHash: z.string().optional(),
    TextBody: z.string().optional(),
    HtmlBody: z.string().optional(),
    MessageStream: z.string().optional(),
    Headers: z.array(z.looseObject({ Name: z.string(), Value: z.string() })).optional(),
    Attachments: z.array(z.looseObject({ Name: z.string(), ContentType: z.string() })).optional(),
  }),
} satisfies Record<TriggerId, z.ZodType>;

export interface TriggerField {
  name: string;
  type: string;
  notes: string;
}

export interface TriggerSpec {
  id: TriggerId;
  title: string;
  /** What makes Postmark post this event. */
  description: string;
  /** Where it is switched on in Postmark. */
  setup: string;
  recordType: string | null;
  payload: z.ZodType;
  fields: TriggerField[];
  example: Record<string, unknown>;
}

const text: Record<TriggerId, { title: string; description: string; setup: string; recordType: string | null }> = {
  bounce: {
    title: "Bounce",
    description: "A message could not be delivered: hard, soft, transient, blocked and other bounce types.",
    setup: "Webhook trigger Bounce on a stream, or the server's BounceHookUrl.",
    recordType: "Bounce",
  },
  click: {
    title: "Click",
    description: "A recipient followed a tracked link for the first time.",
    setup: "Webhook trigger Click; messages need link tracking.",
    recordType: "Click",
  },
  inbound: {
    title: "Inbound",
    description: "Mail arrived at the server's inbound address or domain.",
    setup: "Only through the server's InboundHookUrl.",
    recordType: null,
  },
  open: {
    title: "Open",
    description: "A recipient opened a tracked HTML message.",
    setup: "Webhook trigger Open; messages need open tracking.",
    recordType: "Open",
  },
  "spam-complaint": {
    title: "Spam complaint",
    description: "A recipient reported a message as spam; the address is deactivated for good.",
    setup: "Webhook trigger SpamComplaint on a transactional stream.",
    recordType: "SpamComplaint",
  },
  "subscription-change": {
    title: "Subscription change",
    description: "An address was suppressed or reactivated on a stream.",
    setup: "Webhook trigger SubscriptionChange.",
    recordType: "SubscriptionChange",
  },
  delivery: {
    title: "Delivery",
    description: "The receiving mail server accepted a message for one recipient.",
    setup: "Webhook trigger Delivery.",
    recordType: "Delivery",
  },
  "smtp-api-error": {
    title: "SMTP API error",
    description: "A message submitted over SMTP was rejected, for example because the recipient is suppressed.",
    setup: "EnableSmtpApiErrorHooks on the server; events then ride the bounce webhook.",
    recordType: "Bounce",
  },
};

const exampleRecord = examples as Record<TriggerId, Record<string, unknown>>;
const fieldRecord = fieldDocs as Record<TriggerId, TriggerField[]>;

export const triggers: Record<TriggerId, TriggerSpec> = Object.fromEntries(
  triggerIds.map((id) => [
    id,
    { id, ...text[id], payload: triggerPayloads[id], fields: fieldRecord[id], example: exampleRecord[id] },
  ]),
) as unknown as Record<TriggerId, TriggerSpec>;

/**
 * Which trigger a webhook body belongs to, by its shape: `RecordType`, the bounce `Type` for SMTP
 * API errors, and the inbound shape (no RecordType, a From and a MessageID). Null when unknown.
 */
export function classifyPayload(body: unknown): TriggerId | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  switch (record.RecordType) {
    case "Bounce":
      return record.Type === "SMTPApiError" ? "smtp-api-error" : "bounce";
    case "SpamComplaint":
      return "spam-complaint";
    case "Click":
      return "click";
    case "Open":
      return "open";
    case "Delivery":
      return "delivery";
    case "SubscriptionChange":
      return "subscription-change";
    case undefined:
      return typeof record.From === "string" && typeof record.MessageID === "string" ? "inbound" : null;
    default:
      return null;
  }
}

/** The switches of a `/webhooks` row's `Triggers` object. */
export const webhookTriggerSwitches = [
  "Open",
  "Click",
  "Delivery",
  "Bounce",
  "SpamComplaint",
  "SubscriptionChange",
] as const;
export type WebhookTriggerSwitch = (typeof webhookTriggerSwitches)[number];

/**
 * Postmark's rule for which webhook triggers a stream type carries: broadcast streams post no
 * bounce or spam-complaint hooks (ErrorCode 1353), inbound streams take none (1351: inbound mail
 * goes to the server's InboundHookUrl).
 */
export function webhookTriggerAllowed(streamType: string, trigger: WebhookTriggerSwitch): boolean {
  if (streamType === "Inbound") return false;
  if (streamType === "Broadcasts") return trigger !== "Bounce" && trigger !== "SpamComplaint";
  return true;
}
