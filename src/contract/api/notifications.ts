import { z } from "zod";

/** GET /api/push/vapid-public-key. `enabled` is false when PUSH_DISABLED is set (publicKey then null). */
export const vapidPublicKeyResponse = z.object({ enabled: z.boolean(), publicKey: z.string().nullable() });
export type VapidPublicKeyResponse = z.infer<typeof vapidPublicKeyResponse>;

/** The browser's PushSubscription.toJSON(). */
export const pushSubscription = z.object({
  endpoint: z.string().url().max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});
export type PushSubscriptionJson = z.infer<typeof pushSubscription>;

/** POST /api/push/subscriptions body: saved for the session user, deduplicated by endpoint. */
export const savePushSubscriptionRequest = pushSubscription;
/** DELETE /api/push/subscriptions body. */
export const deletePushSubscriptionRequest = z.object({ endpoint: z.string().url().max(2000) });
export type DeletePushSubscriptionRequest = z.infer<typeof deletePushSubscriptionRequest>;

export const pushSubscriptionResponse = z.object({ ok: z.literal(true), subscriptions: z.number().int() });
export type PushSubscriptionResponse = z.infer<typeof pushSubscriptionResponse>;

/** What a user wants to hear about. Defaults: approvals on for roles that may decide; others on for operators and admins. */
export const notificationPreferences = z.object({
  approvals: z.boolean(),
  runFailures: z.boolean(),
  intakeAlerts: z.boolean(),
  /** Health alerts (bounce and spam rates, stopped webhooks…). Optional in a PUT: absent keeps the current choice. */
  healthAlerts: z.boolean().optional(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/** GET/PUT /api/notifications/preferences; PUT takes NotificationPreferences (all three keys). */
export const notificationPreferencesResponse = z.object({
  preferences: notificationPreferences,
  /** Number of browsers this user has subscribed. */
  subscriptions: z.number().int(),
  pushEnabled: z.boolean(),
});
export type NotificationPreferencesResponse = z.infer<typeof notificationPreferencesResponse>;

export const notificationKinds = ["approval", "run-failed", "intake-refusing", "alert"] as const;
export const notificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKind>;

/** The JSON the service worker receives in the push event's data. */
export const pushPayload = z.object({
  kind: notificationKind,
  title: z.string(),
  body: z.string(),
  /** Path within Mailroom to open on tap, e.g. "/approvals/12" or "/runs/4". */
  url: z.string(),
  /** Notifications with the same tag replace each other. */
  tag: z.string(),
  /** For alerts: firing or resolved. */
  alertStatus: z.enum(["firing", "resolved"]).optional(),
  /** For approvals: a signed link path "/approve/<token>" when one was created. */
  approveUrl: z.string().optional(),
});
export type PushPayload = z.infer<typeof pushPayload>;
