import { z } from "zod";
import { operation } from "./operation";
import { geo, userAgentPart } from "./entities";
import { pageCount, pageOffset } from "./shared";

export const messagesSearchOutbound = operation({
  id: "messages.searchOutbound",
  area: "activity",
  title: "Search outbound messages",
  description: "Find sent messages by recipient, sender, tag, status, subject, stream or date.",
  method: "GET",
  path: "/messages/outbound",
  token: "server",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
    recipient: z.string().optional(),
    fromemail: z.string().optional(),
    tag: z.string().optional(),
    status: z.string().optional(),
    todate: z.string().optional(),
    fromdate: z.string().optional(),
    subject: z.string().optional(),
    messagestream: z.string().optional(),
    "metadata_{key}": z.string().optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Messages: z.array(
      z.looseObject({
        Tag: z.string().nullable(),
        MessageID: z.string().nullable(),
        MessageStream: z.string().nullable(),
        To: z.array(
          z.looseObject({
            Email: z.string().nullable(),
            Name: z.unknown(),
          }),
        ),
        Cc: z.array(z.unknown()),
        Bcc: z.array(z.unknown()),
        Recipients: z.array(z.string().nullable()),
        ReceivedAt: z.string().nullable(),
        From: z.string().nullable(),
        Subject: z.string().nullable(),
        Attachments: z.array(z.unknown()),
        Status: z.string().nullable(),
        TrackOpens: z.boolean(),
        TrackLinks: z.string().nullable(),
        Metadata: z.record(z.string(), z.string()),
        Sandboxed: z.boolean(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "count+offset <= 10,000 (422 ErrorCode 700 otherwise). Status in responses is capitalized (Sent, Queued, Processed). Multi-recipient messages count once.",
});

export const messagesBypassInbound = operation({
  id: "messages.bypassInbound",
  area: "activity",
  title: "Bypass rules for a blocked inbound message",
  description: "Deliver an inbound message that a rule blocked.",
  method: "PUT",
  path: "/messages/inbound/{messageid}/bypass",
  token: "server",
  risk: "write",
  params: z.object({ messageid: z.string().min(1) }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["activity"],
  notes:
    "No body. Success Message text is the docs example (exact wording unconfirmed). Releases a message blocked by inbound rules/spam threshold. Not found / not bypassable -> 701; failure -> 702.",
});

export const messagesClicksForMessage = operation({
  id: "messages.clicksForMessage",
  area: "activity",
  title: "Get clicks for a specific message",
  description: "Link clicks recorded for one message.",
  method: "GET",
  path: "/messages/outbound/clicks/{messageid}",
  token: "server",
  risk: "read",
  params: z.object({ messageid: z.string().min(1) }),
  query: z.object({
    count: pageCount,
    offset: pageOffset,
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Clicks: z.array(
      z.looseObject({
        ClickLocation: z.string().nullable(),
        Client: userAgentPart,
        OS: userAgentPart,
        Platform: z.string().nullable(),
        UserAgent: z.string().nullable(),
        OriginalLink: z.string().nullable(),
        Geo: geo,
        MessageID: z.string().nullable(),
        MessageStream: z.string().nullable(),
        ReceivedAt: z.string().nullable(),
        Tag: z.string().nullable(),
        Recipient: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "One entry per recipient per unique link. Doc examples for single-message reads omit RecordType (unconfirmed whether live responses include it).",
});

export const messagesInboundDetails = operation({
  id: "messages.inboundDetails",
  area: "activity",
  title: "Get inbound message details",
  description: "An inbound message with headers, bodies and attachments.",
  method: "GET",
  path: "/messages/inbound/{messageid}/details",
  token: "server",
  risk: "read",
  params: z.object({ messageid: z.string().min(1) }),
  response: z.looseObject({
    From: z.string().nullable(),
    FromName: z.string().nullable(),
    FromFull: z.looseObject({
      Email: z.string().nullable(),
      Name: z.string().nullable(),
      MailboxHash: z.string().nullable(),
    }),
    To: z.string().nullable(),
    ToFull: z.array(
      z.looseObject({
        Email: z.string().nullable(),
        Name: z.string().nullable(),
        MailboxHash: z.string().nullable(),
      }),
    ),
    Cc: z.string().nullable(),
    CcFull: z.array(z.unknown()),
    Bcc: z.string().nullable(),
    BccFull: z.array(z.unknown()),
    ReplyTo: z.string().nullable(),
    OriginalRecipient: z.string().nullable(),
    Subject: z.string().nullable(),
    Date: z.string().nullable(),
    MailboxHash: z.string().nullable(),
    Tag: z.string().nullable(),
    MessageID: z.string().nullable(),
    MessageStream: z.string().nullable(),
    Status: z.string().nullable(),
    Attachments: z.array(
      z.looseObject({
        Name: z.string().nullable(),
        ContentType: z.string().nullable(),
        ContentLength: z.number(),
        ContentID: z.string().nullable(),
      }),
    ),
    TextBody: z.string().nullable(),
    HtmlBody: z.string().nullable(),
    Headers: z.array(
      z.looseObject({
        Name: z.string().nullable(),
        Value: z.string().nullable(),
      }),
    ),
    BlockedReason: z.string().nullable(),
    StrippedTextReply: z.string().nullable().optional(),
  }),
  invalidates: [],
  notes:
    "Adds TextBody, HtmlBody, Headers, BlockedReason to the search item. Attachment content is not returned. postmark.js also types StrippedTextReply (unconfirmed here, so optional). Unknown id -> 701.",
});

export const messagesOpensForMessage = operation({
  id: "messages.opensForMessage",
  area: "activity",
  title: "Get opens for a specific message",
  description: "Opens recorded for one message.",
  method: "GET",
  path: "/messages/outbound/opens/{messageid}",
  token: "server",
  risk: "read",
  params: z.object({ messageid: z.string().min(1) }),
  query: z.object({
    count: pageCount,
    offset: pageOffset,
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Opens: z.array(
      z.looseObject({
        Client: userAgentPart,
        OS: userAgentPart,
        Platform: z.string().nullable(),
        UserAgent: z.string().nullable(),
        ReadSeconds: z.number(),
        Geo: geo,
        MessageID: z.string().nullable(),
        MessageStream: z.string().nullable(),
        ReceivedAt: z.string().nullable(),
        Tag: z.string().nullable(),
        Recipient: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes: "Only the first open per recipient is stored, so TotalCount is typically 1 per recipient. Unknown id -> 701.",
});

export const messagesOutboundDetails = operation({
  id: "messages.outboundDetails",
  area: "activity",
  title: "Get outbound message details",
  description: "A sent message with its bodies and delivery events.",
  method: "GET",
  path: "/messages/outbound/{messageid}/details",
  token: "server",
  risk: "read",
  params: z.object({ messageid: z.string().min(1) }),
  response: z.looseObject({
    Tag: z.string().nullable(),
    MessageID: z.string().nullable(),
    MessageStream: z.string().nullable(),
    To: z.array(
      z.looseObject({
        Email: z.string().nullable(),
        Name: z.unknown(),
      }),
    ),
    Cc: z.array(z.unknown()),
    Bcc: z.array(z.unknown()),
    Recipients: z.array(z.string().nullable()),
    ReceivedAt: z.string().nullable(),
    From: z.string().nullable(),
    Subject: z.string().nullable(),
    Attachments: z.array(z.unknown()),
    Status: z.string().nullable(),
    TrackOpens: z.boolean(),
    TrackLinks: z.string().nullable(),
    Metadata: z.record(z.string(), z.string()),
    Sandboxed: z.boolean(),
    TextBody: z.string().nullable(),
    HtmlBody: z.string().nullable(),
    Body: z.string().nullable(),
    MessageEvents: z.array(
      z.looseObject({
        Recipient: z.string().nullable(),
        Type: z.string().nullable(),
        ReceivedAt: z.string().nullable(),
        Details: z.looseObject({
          DeliveryMessage: z.string().nullable().optional(),
          DestinationServer: z.string().nullable().optional(),
          DestinationIP: z.string().nullable().optional(),
          Summary: z.string().nullable().optional(),
          Link: z.string().nullable().optional(),
          ClickLocation: z.string().nullable().optional(),
        }),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "MessageEvents[].Type: Delivered | Transient | Opened | LinkClicked | Bounced | SubscriptionChanged. Details keys by type: Delivered/Transient {DeliveryMessage, DestinationServer, DestinationIP}; Opened {Summary}; Bounced {Summary, BounceID (string in docs, number in postmark.js)}; SubscriptionChanged {Origin, SuppressSending as string 'True'}; LinkClicked {Summary, Link, ClickLocation}. Unknown id -> 701.",
});

export const messagesOutboundDump = operation({
  id: "messages.outboundDump",
  area: "activity",
  title: "Get outbound message SMTP dump",
  description: "The raw source of a sent message.",
  method: "GET",
  path: "/messages/outbound/{messageid}/dump",
  token: "server",
  risk: "read",
  params: z.object({ messageid: z.string().min(1) }),
  response: z.looseObject({
    Body: z.string().nullable(),
  }),
  invalidates: [],
  notes:
    "Body is an empty string when no dump is available (dumps kept for the retention period). Stored body size is capped (~1 MB).",
});

export const messagesRetryInbound = operation({
  id: "messages.retryInbound",
  area: "activity",
  title: "Retry a failed inbound message",
  description: "Post a failed inbound message to the inbound hook again.",
  method: "PUT",
  path: "/messages/inbound/{messageid}/retry",
  token: "server",
  risk: "write",
  params: z.object({ messageid: z.string().min(1) }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["activity"],
  notes:
    "No body. Success Message text is the docs example (exact wording unconfirmed). Re-posts a message whose inbound webhook failed (status Failed / InboundError). Not found / not retryable -> 701; failure -> 703.",
});

export const messagesSearchOpens = operation({
  id: "messages.searchOpens",
  area: "activity",
  title: "Search email open events",
  description: "Find open events by recipient, tag, client, platform or place.",
  method: "GET",
  path: "/messages/outbound/opens",
  token: "server",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
    recipient: z.string().optional(),
    tag: z.string().optional(),
    client_name: z.string().optional(),
    client_company: z.string().optional(),
    client_family: z.string().optional(),
    os_name: z.string().optional(),
    os_family: z.string().optional(),
    os_company: z.string().optional(),
    platform: z.string().optional(),
    country: z.string().optional(),
    region: z.string().optional(),
    city: z.string().optional(),
    messagestream: z.string().optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Opens: z.array(
      z.looseObject({
        RecordType: z.string().nullable(),
        Client: userAgentPart,
        OS: userAgentPart,
        Platform: z.string().nullable(),
        UserAgent: z.string().nullable(),
        ReadSeconds: z.number(),
        Geo: geo,
        MessageID: z.string().nullable(),
        MessageStream: z.string().nullable(),
        ReceivedAt: z.string().nullable(),
        Tag: z.string().nullable(),
        Recipient: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "count+offset <= 10,000 (700). Client/OS/Platform/Geo may be empty or absent when unknown (live capture shows Geo: {}).",
});

export const messagesSearchInbound = operation({
  id: "messages.searchInbound",
  area: "activity",
  title: "Search inbound messages",
  description: "Find received messages by sender, recipient, tag, subject, status or date.",
  method: "GET",
  path: "/messages/inbound",
  token: "server",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
    recipient: z.string().optional(),
    fromemail: z.string().optional(),
    tag: z.string().optional(),
    subject: z.string().optional(),
    mailboxhash: z.string().optional(),
    status: z.string().optional(),
    todate: z.string().optional(),
    fromdate: z.string().optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    InboundMessages: z.array(
      z.looseObject({
        From: z.string().nullable(),
        FromName: z.string().nullable(),
        FromFull: z.looseObject({
          Email: z.string().nullable(),
          Name: z.string().nullable(),
          MailboxHash: z.string().nullable(),
        }),
        To: z.string().nullable(),
        ToFull: z.array(
          z.looseObject({
            Email: z.string().nullable(),
            Name: z.string().nullable(),
            MailboxHash: z.string().nullable(),
          }),
        ),
        Cc: z.string().nullable(),
        CcFull: z.array(z.unknown()),
        Bcc: z.string().nullable(),
        BccFull: z.array(z.unknown()),
        ReplyTo: z.string().nullable(),
        OriginalRecipient: z.string().nullable(),
        Subject: z.string().nullable(),
        Date: z.string().nullable(),
        MailboxHash: z.string().nullable(),
        Tag: z.string().nullable(),
        MessageID: z.string().nullable(),
        MessageStream: z.string().nullable(),
        Status: z.string().nullable(),
        Attachments: z.array(
          z.looseObject({
            Name: z.string().nullable(),
            ContentType: z.string().nullable(),
            ContentLength: z.number(),
            ContentID: z.string().nullable(),
          }),
        ),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "Array key is InboundMessages (the docs' field table says Messages but the example and all SDKs use InboundMessages). Status values in responses are capitalized.",
});

export const messagesSearchClicks = operation({
  id: "messages.searchClicks",
  area: "activity",
  title: "Search link click events",
  description: "Find link click events by recipient, tag, client, platform or place.",
  method: "GET",
  path: "/messages/outbound/clicks",
  token: "server",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
    recipient: z.string().optional(),
    tag: z.string().optional(),
    client_name: z.string().optional(),
    client_company: z.string().optional(),
    client_family: z.string().optional(),
    os_name: z.string().optional(),
    os_family: z.string().optional(),
    os_company: z.string().optional(),
    platform: z.string().optional(),
    country: z.string().optional(),
    region: z.string().optional(),
    city: z.string().optional(),
    messagestream: z.string().optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Clicks: z.array(
      z.looseObject({
        RecordType: z.string().nullable(),
        ClickLocation: z.string().nullable(),
        Client: userAgentPart,
        OS: userAgentPart,
        Platform: z.string().nullable(),
        UserAgent: z.string().nullable(),
        OriginalLink: z.string().nullable(),
        Geo: geo,
        MessageID: z.string().nullable(),
        MessageStream: z.string().nullable(),
        ReceivedAt: z.string().nullable(),
        Tag: z.string().nullable(),
        Recipient: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "One entry per recipient per unique link. The 10,000 count+offset cap is stated for messages/opens; assumed to apply here (unconfirmed).",
});
