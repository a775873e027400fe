// Postmark's shared objects, written once: several operations answer or accept the same shape
// (every server operation answers the full server, every webhook operation the full webhook, the
// twelve stats operations take one filter). Field names and nullability follow api.json.
import { z } from "zod";
import { headers, trackLinks } from "./shared";

/** A server as every server operation answers it (GET/PUT /server, /servers, /servers/{id}). */
export const server = z.looseObject({
  ID: z.number(),
  Name: z.string().nullable(),
  ApiTokens: z.array(z.string().nullable()),
  Color: z.string().nullable(),
  SmtpApiActivated: z.boolean(),
  RawEmailEnabled: z.boolean(),
  DeliveryType: z.string().nullable(),
  ServerLink: z.string().nullable(),
  InboundAddress: z.string().nullable(),
  InboundHookUrl: z.string().nullable(),
  BounceHookUrl: z.string().nullable(),
  OpenHookUrl: z.string().nullable(),
  DeliveryHookUrl: z.string().nullable(),
  ClickHookUrl: z.string().nullable(),
  PostFirstOpenOnly: z.boolean(),
  InboundDomain: z.string().nullable(),
  InboundHash: z.string().nullable(),
  InboundSpamThreshold: z.number(),
  TrackOpens: z.boolean(),
  TrackLinks: z.string().nullable(),
  IncludeBounceContentInHook: z.boolean(),
  EnableSmtpApiErrorHooks: z.boolean(),
});

/** The settings a server edit may change (PUT /server and PUT /servers/{id}); each is optional. */
export const serverSettings = z.object({
  Name: z.string().optional(),
  Color: z.string().optional(),
  SmtpApiActivated: z.boolean().optional(),
  RawEmailEnabled: z.boolean().optional(),
  InboundHookUrl: z.string().optional(),
  BounceHookUrl: z.string().optional(),
  OpenHookUrl: z.string().optional(),
  DeliveryHookUrl: z.string().optional(),
  ClickHookUrl: z.string().optional(),
  PostFirstOpenOnly: z.boolean().optional(),
  InboundDomain: z.string().optional(),
  InboundSpamThreshold: z.number().int().optional(),
  TrackOpens: z.boolean().optional(),
  TrackLinks: trackLinks.optional(),
  IncludeBounceContentInHook: z.boolean().optional(),
  EnableSmtpApiErrorHooks: z.boolean().optional(),
});

/** Creating a server: a name is required and the delivery type (Live or Sandbox) can be chosen once. */
export const newServer = z.object({
  Name: z.string(),
  DeliveryType: z.string().optional(),
  ...serverSettings.omit({ Name: true }).shape,
});

/** Webhook credentials as sent (create, update); Postmark answers them in `webhook.HttpAuth`. */
export const webhookAuthInput = z.object({
  Username: z.string().optional(),
  Password: z.string().optional(),
});

/** Which events a webhook receives, as Postmark answers them. */
export const webhookTriggers = z.looseObject({
  Open: z.looseObject({ Enabled: z.boolean(), PostFirstOpenOnly: z.boolean() }),
  Click: z.looseObject({ Enabled: z.boolean() }),
  Delivery: z.looseObject({ Enabled: z.boolean() }),
  Bounce: z.looseObject({ Enabled: z.boolean(), IncludeContent: z.boolean() }),
  SpamComplaint: z.looseObject({ Enabled: z.boolean(), IncludeContent: z.boolean() }),
  SubscriptionChange: z.looseObject({ Enabled: z.boolean() }),
});

/** A webhook configuration as every webhook operation answers it. */
export const webhook = z.looseObject({
  ID: z.number(),
  Url: z.string().nullable(),
  MessageStream: z.string().nullable(),
  // Absent when the webhook has no credentials or headers (webhooks.get notes it).
  HttpAuth: z.looseObject({ Username: z.string().nullable(), Password: z.string().nullable() }).optional(),
  HttpHeaders: z.array(z.looseObject({ Name: z.string().nullable(), Value: z.string().nullable() })).optional(),
  Triggers: webhookTriggers,
});

/** A webhook's settings as sent; the stream is chosen at creation only. */
export const webhookSettings = z.object({
  Url: z.string().optional(),
  HttpAuth: webhookAuthInput.optional(),
  HttpHeaders: headers.optional(),
  Triggers: z.record(z.string(), z.unknown()).optional(),
});

/** DKIM key state (current, pending while rotating, revoked), as domains and sender signatures show it. */
export const dkimFields = {
  DKIMVerified: z.boolean(),
  WeakDKIM: z.boolean(),
  DKIMHost: z.string().nullable(),
  DKIMTextValue: z.string().nullable(),
  DKIMPendingHost: z.string().nullable(),
  DKIMPendingTextValue: z.string().nullable(),
  DKIMRevokedHost: z.string().nullable(),
  DKIMRevokedTextValue: z.string().nullable(),
  SafeToRemoveRevokedKeyFromDNS: z.boolean(),
  DKIMUpdateStatus: z.string().nullable(),
};

/** SPF (deprecated but still answered), DKIM and Return-Path records with their verification state. */
export const dnsRecordFields = {
  SPFVerified: z.boolean(),
  SPFHost: z.string().nullable(),
  SPFTextValue: z.string().nullable(),
  ...dkimFields,
  ReturnPathDomain: z.string().nullable(),
  ReturnPathDomainVerified: z.boolean(),
  ReturnPathDomainCNAMEValue: z.string().nullable(),
};

/** A sending domain with its DNS records. */
export const domain = z.looseObject({ ID: z.number(), Name: z.string().nullable(), ...dnsRecordFields });

/** A sender signature: a confirmed From address, with its domain's DNS records. */
export const senderSignature = z.looseObject({
  ID: z.number(),
  Domain: z.string().nullable(),
  EmailAddress: z.string().nullable(),
  ReplyToEmailAddress: z.string().nullable(),
  Name: z.string().nullable(),
  Confirmed: z.boolean(),
  ...dnsRecordFields,
  ConfirmationPersonalNote: z.string().nullable(),
});

/** What rotating a DKIM key answers: the domain's DKIM part only. */
export const dkimRotation = z.looseObject({ Name: z.string().nullable(), ...dkimFields, ID: z.number() });

/** The filter every stats operation takes; dates are read in US Eastern time. */
export const statsFilter = z.object({
  tag: z.string().optional(),
  fromdate: z.string().optional(),
  todate: z.string().optional(),
  messagestream: z.string().optional(),
});

/** An email client or operating system as Postmark recognised it from the user agent. */
export const userAgentPart = z.looseObject({
  Name: z.string().nullable(),
  Company: z.string().nullable(),
  Family: z.string().nullable(),
});

/** Where an open or click came from, as Postmark located its IP address; unknown parts are left out (`Geo: {}`). */
export const geo = z.looseObject({
  CountryISOCode: z.string().nullable().optional(),
  Country: z.string().nullable().optional(),
  RegionISOCode: z.string().nullable().optional(),
  Region: z.string().nullable().optional(),
  City: z.string().nullable().optional(),
  Zip: z.string().nullable().optional(),
  Coords: z.string().nullable().optional(),
  IP: z.string().nullable().optional(),
});
