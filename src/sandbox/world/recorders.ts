// The one place where outcomes happen to messages. Seeding and live simulation both call these,
// so the searches, the stats and the webhooks all see the same facts.
import { formatUtc } from "../util/time";
import { bounceDetails } from "../seed/pools";
import { presentBounce } from "./present";
import type { ServerStore } from "./server-store";
import type { ClickEvent, OpenEvent, OutboundMessage, SuppressionOrigin, SuppressionReason } from "./types";
import type { World } from "./world";

export function recordDelivered(
  world: World,
  store: ServerStore,
  m: OutboundMessage,
  recipient: string,
  at: number,
): void {
  const mx = recipient.split("@")[1] ?? "example.com";
  m.events.push({
    Recipient: recipient,
    Type: "Delivered",
    at,
    Details: {
      DeliveryMessage: `smtp;250 2.0.0 OK ${m.id.slice(0, 8)} - gsmtp`,
      DestinationServer: `mx.${mx}`,
      DestinationIP: "173.194.74.27",
    },
  });
  world.sink?.emit(store, "Delivery", m.stream, {
    RecordType: "Delivery",
    ServerID: store.id,
    MessageStream: m.stream,
    MessageID: m.id,
    Recipient: recipient,
    Tag: m.tag,
    DeliveredAt: formatUtc(at),
    Details: `smtp;250 2.0.0 OK ${m.id.slice(0, 8)} - gsmtp`,
    Metadata: m.metadata,
  });
}

/** A bounce (or spam complaint) for one recipient; hard bounces and complaints suppress the address. */
export function recordBounce(
  world: World,
  store: ServerStore,
  m: OutboundMessage,
  recipient: string,
  type: string,
  at: number,
): void {
  const deactivates = type === "HardBounce" || type === "SpamComplaint" || type === "BadEmailAddress";
  const bounce = {
    id: world.nextId("bounce"),
    serverId: store.id,
    type,
    messageId: m.id,
    stream: m.stream,
    tag: m.tag,
    email: recipient,
    from: m.from,
    subject: m.subject,
    bouncedAt: at,
    details: bounceDetails[type]?.details ?? "smtp;550 Unknown error",
    inactive: deactivates,
    canActivate: type !== "SpamComplaint",
    dumpAvailable: at > world.now() - 30 * 86_400_000,
    content: `Return-Path: <>\r\nReceived: from mx.${recipient.split("@")[1] ?? "example.com"}\r\nSubject: Undeliverable: ${m.subject}\r\nTo: ${m.from}\r\n\r\n${bounceDetails[type]?.details ?? ""}\r\n`,
    metadata: m.metadata,
  };
  store.addBounce(bounce);
  m.events.push({
    Recipient: recipient,
    Type: "Bounced",
    at,
    Details: { Summary: bounceDetails[type]?.description ?? type, BounceID: String(bounce.id) },
  });
  if (type === "SMTPApiError") {
    if (store.config.EnableSmtpApiErrorHooks)
      world.sink?.emit(store, "SMTPApiError", m.stream, {
        ...presentBounce(bounce, { utc: true }),
        Metadata: m.metadata,
      });
    return;
  }
  const payload = { ...presentBounce(bounce, { utc: true, content: true }), Metadata: m.metadata };
  if (type === "SpamComplaint")
    world.sink?.emit(store, "SpamComplaint", m.stream, { ...payload, RecordType: "SpamComplaint" });
  else world.sink?.emit(store, "Bounce", m.stream, payload);
  if (deactivates) {
    const reason: SuppressionReason = type === "SpamComplaint" ? "SpamComplaint" : "HardBounce";
    suppress(world, store, m.stream, recipient, reason, "Recipient", at, m);
  }
}

export function suppress(
  world: World,
  store: ServerStore,
  stream: string,
  email: string,
  reason: SuppressionReason,
  origin: SuppressionOrigin,
  at: number,
  m?: OutboundMessage,
): boolean {
  const list = store.suppressionList(stream);
  const key = email.toLowerCase();
  if (list.has(key)) return false;
  list.set(key, { email, reason, origin, createdAt: at });
  m?.events.push({
    Recipient: email,
    Type: "SubscriptionChanged",
    at,
    Details: { Origin: origin, SuppressSending: "True" },
  });
  world.sink?.emit(
    store,
    "SubscriptionChange",
    stream,
    subscriptionPayload(store, stream, email, at, true, reason, origin, m),
  );
  return true;
}

export function unsuppress(
  world: World,
  store: ServerStore,
  stream: string,
  email: string,
  origin: SuppressionOrigin,
  at: number,
): boolean {
  const list = store.suppressions.get(stream);
  const key = email.toLowerCase();
  const row = list?.get(key);
  if (!list || !row) return false;
  list.delete(key);
  world.sink?.emit(
    store,
    "SubscriptionChange",
    stream,
    subscriptionPayload(store, stream, row.email, at, false, row.reason, origin),
  );
  return true;
}

function subscriptionPayload(
  store: ServerStore,
  stream: string,
  email: string,
  at: number,
  suppressSending: boolean,
  reason: SuppressionReason,
  origin: SuppressionOrigin,
  m?: OutboundMessage,
): Record<string, unknown> {
  return {
    RecordType: "SubscriptionChange",
    MessageID: m?.id ?? null,
    ServerID: store.id,
    MessageStream: stream,
    ChangedAt: formatUtc(at),
    Recipient: email,
    Origin: origin,
    SuppressSending: suppressSending,
    SuppressionReason: suppressSending ? reason : null,
    Tag: m?.tag ?? "",
    Metadata: m?.metadata ?? {},
  };
}

export function recordOpen(
  world: World,
  store: ServerStore,
  m: OutboundMessage,
  open: Omit<OpenEvent, "messageId" | "stream" | "tag" | "metadata" | "firstOpen">,
): OpenEvent {
  const prior = store.opensByMessage.get(m.id)?.some((o) => o.recipient === open.recipient) ?? false;
  const event: OpenEvent = {
    ...open,
    messageId: m.id,
    stream: m.stream,
    tag: m.tag,
    metadata: m.metadata,
    firstOpen: !prior,
  };
  store.addOpen(event);
  m.events.push({
    Recipient: open.recipient,
    Type: "Opened",
    at: open.receivedAt,
    Details: { Summary: `Email opened with ${open.userAgent}` },
  });
  world.sink?.emit(store, "Open", m.stream, {
    RecordType: "Open",
    MessageStream: m.stream,
    Metadata: m.metadata,
    FirstOpen: event.firstOpen,
    Recipient: event.recipient,
    MessageID: m.id,
    ReceivedAt: formatUtc(event.receivedAt),
    Platform: event.platform,
    ReadSeconds: event.readSeconds,
    Tag: m.tag,
    UserAgent: event.userAgent,
    OS: event.os,
    Client: event.client,
    Geo: event.geo,
  });
  return event;
}

export function recordClick(
  world: World,
  store: ServerStore,
  m: OutboundMessage,
  click: Omit<ClickEvent, "messageId" | "stream" | "tag" | "metadata" | "firstClick">,
): ClickEvent {
  const prior =
    store.clicksByMessage
      .get(m.id)
      ?.some((c) => c.recipient === click.recipient && c.originalLink === click.originalLink) ?? false;
  const event: ClickEvent = {
    ...click,
    messageId: m.id,
    stream: m.stream,
    tag: m.tag,
    metadata: m.metadata,
    firstClick: !prior,
  };
  store.addClick(event);
  m.events.push({
    Recipient: click.recipient,
    Type: "LinkClicked",
    at: click.receivedAt,
    Details: { Summary: "Clicked link", Link: click.originalLink, ClickLocation: click.clickLocation },
  });
  world.sink?.emit(store, "Click", m.stream, {
    RecordType: "Click",
    MessageStream: m.stream,
    ClickLocation: event.clickLocation,
    Client: event.client,
    OS: event.os,
    Platform: event.platform,
    UserAgent: event.userAgent,
    OriginalLink: event.originalLink,
    Geo: event.geo,
    MessageID: m.id,
    Metadata: m.metadata,
    ReceivedAt: formatUtc(event.receivedAt),
    Tag: m.tag,
    Recipient: event.recipient,
  });
  return event;
}
