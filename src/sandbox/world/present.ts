// Internal records → Postmark's JSON shapes (field names exactly as api.json).
import { bounceTypes } from "../../contract/postmark";
import { bounceDetails } from "../seed/pools";
import { formatEastern, formatRfc2822, formatUtc } from "../util/time";
import type { Bounce, ClickEvent, EngagementBase, InboundMessage, OpenEvent, OutboundMessage } from "./types";

const bounceInfo = new Map<string, { code: number; name: string }>(
  bounceTypes.map(([type, code, name]) => [type, { code, name }]),
);

export function bounceTypeInfo(type: string): { code: number; name: string } {
  return bounceInfo.get(type) ?? { code: 2048, name: "Unknown" };
}

export function presentBounce(b: Bounce, opts: { content?: boolean; utc?: boolean } = {}): Record<string, unknown> {
  const info = bounceTypeInfo(b.type);
  const out: Record<string, unknown> = {
    RecordType: "Bounce",
    ID: b.id,
    Type: b.type,
    TypeCode: info.code,
    Name: info.name,
    Tag: b.tag,
    MessageID: b.messageId,
    ServerID: b.serverId,
    MessageStream: b.stream,
    Description: bounceDetails[b.type]?.description ?? bounceDetails.Unknown!.description,
    Details: b.details,
    Email: b.email,
    From: b.from,
    BouncedAt: opts.utc ? formatUtc(b.bouncedAt).replace(/\.\d+Z$/, "Z") : formatEastern(b.bouncedAt),
    DumpAvailable: b.dumpAvailable,
    Inactive: b.inactive,
    CanActivate: b.canActivate,
    Subject: b.subject,
  };
  if (opts.content) out.Content = b.content;
  return out;
}

function fromHeader(m: OutboundMessage): string {
  return m.from;
}

export function presentOutbound(m: OutboundMessage): Record<string, unknown> {
  return {
    Tag: m.tag,
    MessageID: m.id,
    MessageStream: m.stream,
    To: m.to,
    Cc: m.cc,
    Bcc: m.bcc,
    Recipients: m.recipients,
    ReceivedAt: formatEastern(m.receivedAt),
    From: fromHeader(m),
    Subject: m.subject,
    Attachments: m.attachments.map((a) => a.Name),
    Status: m.status,
    TrackOpens: m.trackOpens,
    TrackLinks: m.trackLinks,
    Metadata: m.metadata,
    Sandboxed: false,
  };
}

export function presentOutboundDetails(m: OutboundMessage): Record<string, unknown> {
  return {
    ...presentOutbound(m),
    TextBody: m.textBody,
    HtmlBody: m.htmlBody,
    Body: outboundDump(m),
    MessageEvents: m.events.map((e) => ({
      Recipient: e.Recipient,
      Type: e.Type,
      ReceivedAt: formatEastern(e.at),
      Details: e.Details,
    })),
  };
}

export function outboundDump(m: OutboundMessage): string {
  const headers = [
    `From: ${m.from}`,
    `To: ${m.to.map((a) => (a.Name ? `"${a.Name}" <${a.Email}>` : a.Email)).join(", ")}`,
    ...(m.cc.length ? [`Cc: ${m.cc.map((a) => a.Email).join(", ")}`] : []),
    `X-PM-Message-Id: ${m.id}`,
    ...(m.tag ? [`X-PM-Tag: ${m.tag}`] : []),
    `Subject: ${m.subject}`,
    `Date: ${formatRfc2822(m.receivedAt)}`,
    "MIME-Version: 1.0",
    ...m.headers.map((h) => `${h.Name}: ${h.Value}`),
    'Content-Type: multipart/alternative; boundary="=-pm-boundary"',
  ];
  const parts = [];
  if (m.textBody) parts.push(`--=-pm-boundary\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${m.textBody}`);
  if (m.htmlBody) parts.push(`--=-pm-boundary\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${m.htmlBody}`);
  return `${headers.join("\r\n")}\r\n\r\n${parts.join("\r\n")}\r\n--=-pm-boundary--\r\n`;
}

function engagement(e: EngagementBase): Record<string, unknown> {
  return {
    Client: e.client,
    OS: e.os,
    Platform: e.platform,
    UserAgent: e.userAgent,
    Geo: e.geo,
    MessageID: e.messageId,
    MessageStream: e.stream,
    ReceivedAt: formatEastern(e.receivedAt),
    Tag: e.tag,
    Recipient: e.recipient,
  };
}

export function presentOpen(o: OpenEvent, recordType = true): Record<string, unknown> {
  const { Client, OS, Platform, UserAgent, ...rest } = engagement(o);
  return {
    ...(recordType ? { RecordType: "Open" } : {}),
    Client,
    OS,
    Platform,
    UserAgent,
    ReadSeconds: o.readSeconds,
    ...rest,
  };
}

export function presentClick(c: ClickEvent, recordType = true): Record<string, unknown> {
  const { Client, OS, Platform, UserAgent, ...rest } = engagement(c);
  return {
    ...(recordType ? { RecordType: "Click" } : {}),
    ClickLocation: c.clickLocation,
    Client,
    OS,
    Platform,
    UserAgent,
    OriginalLink: c.originalLink,
    ...rest,
  };
}

function addressList(list: { Email: string; Name: string | null }[]): string {
  return list.map((a) => (a.Name ? `"${a.Name}" <${a.Email}>` : a.Email)).join(", ");
}

export function presentInbound(m: InboundMessage, details = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    From: m.fromEmail,
    FromName: m.fromName,
    FromFull: { Email: m.fromEmail, Name: m.fromName, MailboxHash: "" },
    To: addressList([m.to]),
    ToFull: [{ Email: m.to.Email, Name: m.to.Name ?? "", MailboxHash: m.to.MailboxHash }],
    Cc: addressList(m.cc),
    CcFull: m.cc.map((a) => ({ Email: a.Email, Name: a.Name ?? "", MailboxHash: a.MailboxHash })),
    Bcc: "",
    BccFull: [],
    ReplyTo: m.replyTo,
    OriginalRecipient: m.to.Email,
    Subject: m.subject,
    Date: formatRfc2822(m.receivedAt),
    MailboxHash: m.mailboxHash,
    Tag: m.tag,
    MessageID: m.id,
    MessageStream: "inbound",
    Status: m.status,
    Attachments: m.attachments.map(({ Name, ContentType, ContentLength, ContentID }) => ({
      Name,
      ContentType,
      ContentLength,
      ContentID,
    })),
  };
  if (details) {
    out.TextBody = m.textBody;
    out.HtmlBody = m.htmlBody;
    out.StrippedTextReply = m.strippedTextReply;
    out.Headers = m.headers;
    out.BlockedReason = m.blockedReason;
  }
  return out;
}

/** The inbound webhook payload: the details shape with attachment content and no Status. */
export function inboundPayload(m: InboundMessage): Record<string, unknown> {
  const { Status: _s, BlockedReason: _b, ...rest } = presentInbound(m, true);
  return { ...rest, Attachments: m.attachments };
}
