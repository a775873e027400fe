import webpush, { type Urgency } from "web-push";
import type { PushPayload } from "../../contract/api/notifications";
import type { SubscriptionRow } from "./subscriptions-repo";
import type { PushTransport } from "./transport";
import type { VapidKeys } from "./vapid";

export interface SendOptions {
  vapid: VapidKeys;
  subject: string;
  /** Seconds the push service keeps the message for an offline device. */
  ttlSeconds: number;
  urgency: Urgency;
  /** Replaces an undelivered message with the same topic (≤ 32 URL-safe characters). */
  topic?: string;
  /** Sends the request; it checks the endpoint's address again (see transport.ts). */
  transport: PushTransport;
  timeoutMs: number;
}

/**
 * Encrypts the payload (aes128gcm) and signs the VAPID JWT with web-push, then POSTs through the
 * transport, which refuses endpoints that are not public (checked at send time too).
 */
export async function sendPush(sub: SubscriptionRow, payload: PushPayload, o: SendOptions): Promise<number> {
  const details = webpush.generateRequestDetails(
    { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: { subject: o.subject, publicKey: o.vapid.publicKey, privateKey: o.vapid.privateKey },
      TTL: o.ttlSeconds,
      urgency: o.urgency,
      ...(o.topic ? { topic: o.topic } : {}),
    },
  );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(details.headers))
    if (k.toLowerCase() !== "content-length") headers[k] = String(v);
  return o.transport(details.endpoint, {
    method: details.method,
    headers,
    body: new Uint8Array(details.body),
    timeoutMs: o.timeoutMs,
  });
}
