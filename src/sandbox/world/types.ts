// Internal records. Config-like entities are kept in Postmark's own (PascalCase) shape so the API
// can return them as they are; event-like records keep epoch milliseconds for fast range scans.

export type TrackLinks = "None" | "HtmlAndText" | "HtmlOnly" | "TextOnly";
export interface Address {
  Email: string;
  Name: string | null;
}
export interface ClientInfo {
  Name: string;
  Company: string;
  Family: string;
}
export interface Geo {
  CountryISOCode?: string;
  Country?: string;
  RegionISOCode?: string;
  Region?: string;
  City?: string;
  Zip?: string;
  Coords?: string;
  IP?: string;
}

export interface ServerConfig {
  ID: number;
  Name: string;
  ApiTokens: string[];
  Color: string;
  SmtpApiActivated: boolean;
  RawEmailEnabled: boolean;
  DeliveryType: "Live" | "Sandbox";
  ServerLink: string;
  InboundAddress: string;
  InboundHookUrl: string;
  BounceHookUrl: string;
  OpenHookUrl: string;
  DeliveryHookUrl: string;
  ClickHookUrl: string;
  PostFirstOpenOnly: boolean;
  InboundDomain: string;
  InboundHash: string;
  InboundSpamThreshold: number;
  TrackOpens: boolean;
  TrackLinks: TrackLinks;
  IncludeBounceContentInHook: boolean;
  EnableSmtpApiErrorHooks: boolean;
}

export interface MessageStream {
  ID: string;
  ServerID: number;
  Name: string;
  Description: string | null;
  MessageStreamType: "Transactional" | "Broadcasts" | "Inbound";
  CreatedAt: string;
  UpdatedAt: string | null;
  ArchivedAt: string | null;
  ExpectedPurgeDate: string | null;
  SubscriptionManagementConfiguration: { UnsubscribeHandlingType: "None" | "Postmark" | "Custom" };
}

export interface DkimFields {
  SPFVerified: boolean;
  SPFHost: string;
  SPFTextValue: string;
  DKIMVerified: boolean;
  WeakDKIM: boolean;
  DKIMHost: string;
  DKIMTextValue: string;
  DKIMPendingHost: string;
  DKIMPendingTextValue: string;
  DKIMRevokedHost: string;
  DKIMRevokedTextValue: string;
  SafeToRemoveRevokedKeyFromDNS: boolean;
  DKIMUpdateStatus: string;
  ReturnPathDomain: string;
  ReturnPathDomainVerified: boolean;
  ReturnPathDomainCNAMEValue: string;
}
export interface Domain extends DkimFields {
  ID: number;
  Name: string;
}
export interface Sender extends DkimFields {
  ID: number;
  Domain: string;
  EmailAddress: string;
  ReplyToEmailAddress: string;
  Name: string;
  Confirmed: boolean;
  ConfirmationPersonalNote: string;
}

export interface Template {
  TemplateId: number;
  Name: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
  AssociatedServerId: number;
  Active: boolean;
  Alias: string | null;
  TemplateType: "Standard" | "Layout";
  LayoutTemplate: string | null;
}

export type OutboundStatus = "Queued" | "Sent" | "Processed";
export interface MessageEvent {
  Recipient: string;
  Type: "Delivered" | "Transient" | "Opened" | "LinkClicked" | "Bounced" | "SubscriptionChanged";
  at: number;
  Details: Record<string, string | number>;
}
export interface OutboundMessage {
  id: string;
  serverId: number;
  stream: string;
  tag: string;
  from: string;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  recipients: string[];
  subject: string;
  htmlBody: string;
  textBody: string;
  receivedAt: number;
  status: OutboundStatus;
  trackOpens: boolean;
  trackLinks: TrackLinks;
  metadata: Record<string, string>;
  attachments: { Name: string; ContentType: string; ContentLength: number; ContentID?: string }[];
  headers: { Name: string; Value: string }[];
  /** Links tracked in the body (for TotalTrackedLinksSent and clicks). */
  links: string[];
  events: MessageEvent[];
}

export interface Bounce {
  id: number;
  serverId: number;
  type: string;
  messageId: string;
  stream: string;
  tag: string;
  email: string;
  from: string;
  subject: string;
  bouncedAt: number;
  details: string;
  inactive: boolean;
  canActivate: boolean;
  dumpAvailable: boolean;
  content: string;
  metadata: Record<string, string>;
}

export interface EngagementBase {
  messageId: string;
  stream: string;
  tag: string;
  recipient: string;
  receivedAt: number;
  client: ClientInfo;
  os: ClientInfo;
  platform: string;
  userAgent: string;
  geo: Geo;
  metadata: Record<string, string>;
}
export interface OpenEvent extends EngagementBase {
  firstOpen: boolean;
  readSeconds: number;
}
export interface ClickEvent extends EngagementBase {
  originalLink: string;
  clickLocation: "HTML" | "Text";
  firstClick: boolean;
}

export type InboundStatus = "Blocked" | "Processed" | "Queued" | "Failed" | "Scheduled";
export interface InboundMessage {
  id: string;
  receivedAt: number;
  status: InboundStatus;
  fromEmail: string;
  fromName: string;
  to: Address & { MailboxHash: string };
  cc: (Address & { MailboxHash: string })[];
  replyTo: string;
  subject: string;
  mailboxHash: string;
  tag: string;
  textBody: string;
  htmlBody: string;
  strippedTextReply: string;
  headers: { Name: string; Value: string }[];
  attachments: { Name: string; ContentType: string; ContentLength: number; ContentID: string; Content: string }[];
  blockedReason: string;
}

export type SuppressionReason = "HardBounce" | "SpamComplaint" | "ManualSuppression";
export type SuppressionOrigin = "Recipient" | "Customer" | "Admin";
export interface Suppression {
  email: string;
  reason: SuppressionReason;
  origin: SuppressionOrigin;
  createdAt: number;
}

export interface WebhookConfig {
  ID: number;
  Url: string;
  MessageStream: string;
  HttpAuth?: { Username: string; Password: string };
  HttpHeaders?: { Name: string; Value: string }[];
  Triggers: {
    Open: { Enabled: boolean; PostFirstOpenOnly: boolean };
    Click: { Enabled: boolean };
    Delivery: { Enabled: boolean };
    Bounce: { Enabled: boolean; IncludeContent: boolean };
    SpamComplaint: { Enabled: boolean; IncludeContent: boolean };
    SubscriptionChange: { Enabled: boolean };
  };
}

export interface BulkRequest {
  Id: string;
  SubmittedAt: string;
  TotalMessages: number;
  PercentageCompleted: number;
  ReleasedCount: number;
  FailedCount: number;
  Status: "Accepted" | "Processing" | "Completed";
  Subject?: string;
}
