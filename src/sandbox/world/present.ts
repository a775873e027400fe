// Internal records → Postmark's JSON shapes (field names exactly as api.json).
import { bounceTypes } from "../../contract/postmark";
import { bounceDetails } from "../seed/pools";
import { formatEastern, formatRfc2822, formatUtc } from "../util/time";
import type { Answer } from "../http/context";
import type { Bounce, ClickEvent, EngagementBase, InboundMessage, OpenEvent, OutboundMessage } from "./types";

const bounceInfo = new Map<string, { code: number; name: string }>(
  bounceTypes.map(([type, code, name]) => [type, { code, name }]),
);

export function bounceTypeInfo(type: string): { code: number; name: string } {
  return bounceInfo.get(type) ?? { code: 2048, name: "Unknown" };
}

type BounceRow = Answer<"bounces.search">["Bounces"][number];
type BounceWithContent = Answer<"bounces.get">;
type OutboundRow = Answer<"messages.searchOutbound">["Messages"][number];
type OpenRow = Answer<"messages.searchOpens">["Opens"][number];
type ClickRow = Answer<"messages.searchClicks">["Clicks"][number];
type MessageOpenRow = Answer<"messages.opensForMessage">["Opens"][number];
type MessageClickRow = Answer<"messages.clicksForMessage">["Clicks"][number];
type InboundRow = Answer<"messages.searchInbound">["InboundMessages"][number];
type InboundDetails = Answer<"messages.inboundDetails">;

export function presentBounce(b: Bounce, opts: { content: true; utc?: boolean }): BounceWithContent;
export function presentBounce(b: Bounce, opts?: { content?: false; utc?: boolean }): BounceRow;
export function presentBounce(
  b: Bounce,
  opts: { content?: boolean; utc?: boolean } = {},
): BounceRow | BounceWithContent {
  const info = bounceTypeInfo(b.type);
  const out: BounceRow = {
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
  return opts.content ? { ...out, Content: b.content } : out;
}

function fromHeader(m: OutboundMessage): string {
  return m.from;
}

export function presentOutbound(m: OutboundMessage): OutboundRow {
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

export function presentOutboundDetails(m: OutboundMessage): Answer<"messages.outboundDetails"> {
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

function engagement(e: EngagementBase) {
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

/** An open as searches list it; a message's own opens leave out RecordType (`recordType` false). */
export function presentOpen(o: OpenEvent): OpenRow;
export function presentOpen(o: OpenEvent, recordType: false): MessageOpenRow;
export function presentOpen(o: OpenEvent, recordType = true): OpenRow | MessageOpenRow {
  const { Client, OS, Platform, UserAgent, ...rest } = engagement(o);
  const row: MessageOpenRow = { Client, OS, Platform, UserAgent, ReadSeconds: o.readSeconds, ...rest };
  return recordType ? { RecordType: "Open", ...row } : row;
}

export function presentClick(c: ClickEvent): ClickRow;
export function presentClick(c: ClickEvent, recordType: false): MessageClickRow;
export function presentClick(c: ClickEvent, recordType = true): ClickRow | MessageClickRow {
  const { Client, OS, Platform, UserAgent, ...rest } = engagement(c);
  const row: MessageClickRow = {
    ClickLocation: c.clickLocation,
    Client,
    OS,
    Platform,
    UserAgent,
    OriginalLink: c.originalLink,
    ...rest,
  };
  return recordType ? { RecordType: "Click", ...row } : row;
}

function addressList(list: { Email: string; Name: string | null }[]): string {
  return list.map((a) => (a.Name ? `"${a.Name}" <${a.Email}>` : a.Email)).join(", ");
}

export function presentInbound(m: InboundMessage, details: true): InboundDetails;
export function presentInbound(m: InboundMessage, details?: false): InboundRow;
export function presentInbound(m: InboundMessage, details = false): InboundRow | InboundDetails {
  const out: InboundRow = {
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
  if (!details) return out;
  return {
    ...out,
    TextBody: m.textBody,
    HtmlBody: m.htmlBody,
    StrippedTextReply: m.strippedTextReply,
    Headers: m.headers,
    BlockedReason: m.blockedReason,
  };
}

/** The inbound webhook payload: the details shape with attachment content and no Status. */
export function inboundPayload(m: InboundMessage) {
  const { Status: _s, BlockedReason: _b, ...rest } = presentInbound(m, true);
  return { ...rest, Attachments: m.attachments };
}
