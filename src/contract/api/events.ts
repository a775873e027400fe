import { z } from "zod";
import { triggerId } from "../postmark/triggers";

/** A stored event's kind: one of the 8 triggers, or `unrecognised` for JSON of no known shape. */
export const eventKind = z.union([triggerId, z.literal("unrecognised")]);
export type EventKind = z.infer<typeof eventKind>;

/** The fields a feed row shows at a glance, extracted once at intake (also what filters search). */
export const eventSummary = z.object({
  recipient: z.string().nullable(),
  sender: z.string().nullable(),
  subject: z.string().nullable(),
  /** The key detail: bounce type, clicked link, delivery details, suppression reason… */
  detail: z.string().nullable(),
  tag: z.string().nullable(),
  messageId: z.string().nullable(),
  messageStream: z.string().nullable(),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const eventFlags = z.object({
  /** Authenticated JSON that matched no trigger's shape (or failed its schema; see `problem`). */
  unrecognised: z.boolean(),
  /** A test event stored in live mode; never came from Postmark. */
  test: z.boolean(),
  /** Why a body was not accepted as its trigger, when it was not. */
  problem: z.string().nullable(),
  /** The payload is large and left out of lists and the stream; GET /api/events/:id has it. */
  payloadOmitted: z.boolean(),
});
export type EventFlags = z.infer<typeof eventFlags>;

export const feedEvent = z.object({
  id: z.number().int(),
  /** Null for unrecognised events. */
  trigger: triggerId.nullable(),
  serverId: z.number().int().nullable(),
  receivedAt: z.string(),
  summary: eventSummary,
  payload: z.unknown(),
  flags: eventFlags,
});
export type FeedEvent = z.infer<typeof feedEvent>;

const positiveId = z.coerce.number().int().min(1);
const text = z.string().trim().min(1).max(200);

/** `GET /api/events` query; `types` is a comma list of triggers and/or `unrecognised`. */
export const eventsQuery = z.object({
  before: positiveId.optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  types: z
    .string()
    .trim()
    .transform((v) =>
      v
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(eventKind).min(1))
    .optional(),
  server: positiveId.optional(),
  stream: text.optional(),
  /** Substring of the recipient or the sender, case-insensitive. */
  recipient: text.optional(),
  tag: text.optional(),
  /** Free text over subject, detail, recipient, sender, tag and message id. */
  q: text.optional(),
});
export type EventsQuery = z.infer<typeof eventsQuery>;

export const eventsResponse = z.object({
  events: z.array(feedEvent),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
  /** With `after`: pass as `after` to read on (newer); null when caught up. */
  nextAfter: z.number().int().nullable(),
});
export type EventsResponse = z.infer<typeof eventsResponse>;

/** `data:` of each SSE message on /api/events/stream (`id:` = id, `event:` = trigger or `unrecognised`). */
export const streamEventData = z.object({
  id: z.number().int(),
  trigger: triggerId.nullable(),
  receivedAt: z.string(),
  serverId: z.number().int().nullable(),
  payload: z.unknown(),
  flags: eventFlags,
});
export type StreamEventData = z.infer<typeof streamEventData>;

export const testEventRequest = z.object({
  trigger: triggerId,
  serverId: z.number().int().min(1).optional(),
});
export type TestEventRequest = z.infer<typeof testEventRequest>;

export const testEventResponse = z.object({
  mode: z.enum(["sandbox", "live"]),
  /** Live mode: the stored test event. Sandbox mode: null, the event arrives through the webhook. */
  event: feedEvent.nullable(),
  serverId: z.number().int().nullable(),
});
export type TestEventResponse = z.infer<typeof testEventResponse>;

/** Webhook intake answer (what Postmark gets with the 200). */
export const intakeResponse = z.object({
  ok: z.literal(true),
  id: z.number().int().nullable(),
  duplicate: z.boolean(),
});
export type IntakeResponse = z.infer<typeof intakeResponse>;

// --- wiring ---

export const webhookCredentials = z.object({
  /** The intake URL without server or credentials. */
  url: z.string(),
  username: z.string(),
  password: z.string(),
  /** `env` when WEBHOOK_USERNAME/WEBHOOK_PASSWORD are set, else generated at first start. */
  source: z.enum(["env", "generated"]),
  /** Alternative to basic auth: send the password in this header. */
  secretHeader: z.string(),
});
export type WebhookCredentials = z.infer<typeof webhookCredentials>;

export const triggerWiring = z.object({
  trigger: triggerId,
  reaches: z.boolean(),
  /** Streams whose events of this trigger reach Mailroom. */
  streams: z.array(z.string()),
  /** Streams that could send this trigger but do not reach Mailroom. */
  missingStreams: z.array(z.string()),
  problems: z.array(z.string()),
});
export type TriggerWiring = z.infer<typeof triggerWiring>;

export const serverWiring = z.object({
  serverId: z.number().int(),
  serverName: z.string().nullable(),
  /** The URL this server's webhooks should call (credentials masked). */
  webhookUrl: z.string(),
  triggers: z.array(triggerWiring),
  /** Set when Postmark could not be read; triggers is then empty. */
  error: z.string().nullable(),
});
export type ServerWiring = z.infer<typeof serverWiring>;

export const wiringResponse = z.object({
  credentials: webhookCredentials,
  servers: z.array(serverWiring),
});
export type WiringResponse = z.infer<typeof wiringResponse>;

export const wiringChange = z.object({
  serverId: z.number().int(),
  operationId: z.string(),
  method: z.string(),
  path: z.string(),
  /** The body sent, with credentials masked. */
  body: z.unknown(),
  reason: z.string(),
});
export type WiringChange = z.infer<typeof wiringChange>;

/** Which servers plan/apply act on: ids, `all`, or (absent) the default server. */
export const wiringRequest = z.object({
  servers: z.union([z.array(z.number().int().min(1)).min(1).max(100), z.literal("all")]).optional(),
});
export type WiringRequest = z.infer<typeof wiringRequest>;

export const wiringPlanResponse = z.object({ changes: z.array(wiringChange) });
export type WiringPlanResponse = z.infer<typeof wiringPlanResponse>;

export const wiringApplyResponse = z.object({
  applied: z.array(wiringChange.extend({ status: z.number().int(), error: z.string().nullable() })),
  check: wiringResponse,
});
export type WiringApplyResponse = z.infer<typeof wiringApplyResponse>;

export const webhookRefusal = z.object({
  id: z.number().int(),
  at: z.string(),
  address: z.string(),
  reason: z.string(),
});
export const webhookRefusalsResponse = z.object({ refusals: z.array(webhookRefusal) });
export type WebhookRefusalsResponse = z.infer<typeof webhookRefusalsResponse>;
