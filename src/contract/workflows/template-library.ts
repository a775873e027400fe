import type { Mapping, MapSource, Transform, WorkflowDocumentInput } from "./schema";

const map = (path: string, transforms?: Transform[], from: MapSource = "trigger"): Mapping => ({
  $map: { from, path, ...(transforms ? { transforms } : {}) },
});

/** Ready-made documents; ids are stable because the Triggers page and Operations explorer link to them. */
export const libraryDocuments = {
  "spam-complaint-suppress-everywhere": {
    version: 1,
    name: "Suppress a complainer on every stream",
    description:
      "Postmark deactivates the address on the stream that got the complaint. This also suppresses it on your broadcast and other transactional streams; rename the streams to yours.",
    trigger: { type: "spam-complaint", conditions: { mode: "all", rules: [] } },
    steps: [
      {
        id: "suppressOutbound",
        kind: "action",
        name: "Suppress on outbound",
        operationId: "suppressions.create",
        params: { streamId: "outbound" },
        body: { Suppressions: [{ EmailAddress: map("Email", [{ type: "trim" }, { type: "lowerCase" }]) }] },
        approval: "auto",
      },
      {
        id: "suppressBroadcast",
        kind: "action",
        name: "Suppress on broadcast",
        operationId: "suppressions.create",
        params: { streamId: "broadcast" },
        body: { Suppressions: [{ EmailAddress: map("Email", [{ type: "trim" }, { type: "lowerCase" }]) }] },
        approval: "auto",
      },
    ],
  },
  "bounce-reactivate-soft": {
    version: 1,
    name: "Reactivate soft bounces",
    description:
      "A soft bounce (full mailbox, quota) is temporary. Reactivate the address when Postmark allows it, so the next message is not blocked.",
    trigger: {
      type: "bounce",
      conditions: {
        mode: "all",
        rules: [
          { field: "Type", op: "equals", value: "SoftBounce" },
          { field: "CanActivate", op: "equals", value: true },
        ],
      },
    },
    steps: [
      {
        id: "reactivate",
        kind: "action",
        operationId: "bounces.activate",
        params: { bounceid: map("ID") },
        approval: "auto",
      },
    ],
  },
  "inbound-auto-reply": {
    version: 1,
    name: "Answer inbound mail with a template",
    description:
      'Replies to every inbound message with the template alias "inbound-auto-reply", greeting the sender by name. Skips automatic senders.',
    trigger: {
      type: "inbound",
      conditions: {
        mode: "all",
        rules: [
          { field: "FromFull.Email", op: "isNotEmpty" },
          { field: "FromFull.Email", op: "notEquals", value: "mailer-daemon@postmarkapp.com" },
        ],
      },
    },
    steps: [
      {
        id: "reply",
        kind: "action",
        operationId: "email.sendWithTemplate",
        body: {
          From: "support@example.com",
          To: map("FromFull.Email"),
          TemplateAlias: "inbound-auto-reply",
          TemplateModel: {
            name: map("FromName", [{ type: "default", value: "there" }]),
            subject: map("Subject", [{ type: "default", value: "your message" }]),
          },
          Tag: "auto-reply",
          MessageStream: "outbound",
        },
        approval: "auto",
      },
    ],
  },
  "click-pricing-follow-up": {
    version: 1,
    name: "Follow up when the pricing link is clicked",
    description: "When a recipient clicks a link to /pricing, send them a short personal follow-up.",
    trigger: {
      type: "click",
      conditions: { mode: "all", rules: [{ field: "OriginalLink", op: "contains", value: "/pricing" }] },
    },
    steps: [
      {
        id: "followUp",
        kind: "action",
        operationId: "email.send",
        body: {
          From: "sales@example.com",
          To: map("Recipient"),
          Subject: "Questions about pricing?",
          TextBody: {
            $template:
              "Hi,\n\nyou were looking at {{trigger.OriginalLink}}. Reply to this message and a person will answer.\n",
          },
          Tag: "pricing-follow-up",
          MessageStream: "outbound",
        },
        approval: "auto",
      },
    ],
  },
  "unsubscribe-data-removal": {
    version: 1,
    name: "File a data-removal request on unsubscribe",
    description:
      "When a recipient unsubscribes themselves, ask Postmark to erase what it holds about them. Destructive, so each request waits for two approvers.",
    trigger: {
      type: "subscription-change",
      conditions: {
        mode: "all",
        rules: [
          { field: "SuppressSending", op: "equals", value: true },
          { field: "SuppressionReason", op: "equals", value: "ManualSuppression" },
          { field: "Origin", op: "equals", value: "Recipient" },
        ],
      },
    },
    steps: [
      {
        id: "removeData",
        kind: "action",
        operationId: "dataRemovals.create",
        body: { RequestedBy: "privacy@example.com", RequestedFor: map("Recipient"), NotifyWhenCompleted: true },
        approval: "required",
        approvalPolicy: { expiresInHours: 72, approvers: 2, allowSelfApproval: false },
      },
    ],
  },
  "hard-bounce-block-domain": {
    version: 1,
    name: "Block inbound mail from a domain that keeps bouncing",
    description:
      "After a hard bounce, counts recent hard bounces for the same domain; past five, adds an inbound blocking rule for the domain once someone approves.",
    trigger: {
      type: "bounce",
      conditions: { mode: "all", rules: [{ field: "Type", op: "equals", value: "HardBounce" }] },
    },
    steps: [
      {
        id: "recent",
        kind: "action",
        name: "Recent hard bounces for the domain",
        operationId: "bounces.search",
        query: {
          count: 50,
          offset: 0,
          type: "HardBounce",
          emailFilter: { $template: "@{{trigger.Email | domainOf}}" },
        },
        approval: "auto",
      },
      {
        id: "keepsBouncing",
        kind: "condition",
        conditions: { mode: "all", rules: [{ from: "step:recent", field: "TotalCount", op: "greaterThan", value: 5 }] },
      },
      {
        id: "block",
        kind: "action",
        operationId: "inboundRules.create",
        body: { Rule: map("Email", [{ type: "domainOf" }]) },
        approval: "required",
      },
    ],
  },
  "tagged-bounce-notify": {
    version: 1,
    name: "Tell the team when an invoice or receipt bounces",
    description:
      "A bounced invoice or receipt needs a person: email the team the address, the bounce type and Postmark's details.",
    trigger: {
      type: "bounce",
      conditions: { mode: "all", rules: [{ field: "Tag", op: "oneOf", value: ["invoice", "receipt"] }] },
    },
    steps: [
      {
        id: "notify",
        kind: "action",
        operationId: "email.send",
        body: {
          From: "mailroom@example.com",
          To: "team@example.com",
          Subject: { $template: "{{trigger.Tag}} to {{trigger.Email}} bounced ({{trigger.Type}})" },
          TextBody: {
            $template:
              "{{trigger.Description}}\n\nDetails: {{trigger.Details}}\nMessage: {{trigger.MessageID}}\nBounced at: {{trigger.BouncedAt}}\n",
          },
          Tag: "mailroom-alert",
        },
        approval: "auto",
      },
    ],
  },
  "smtp-api-error-lookup": {
    version: 1,
    name: "Explain an SMTP API rejection",
    description:
      "When SMTP submission is rejected, look up why the recipient is inactive and email the team the bounce that caused it.",
    trigger: { type: "smtp-api-error", conditions: { mode: "all", rules: [] } },
    steps: [
      {
        id: "lookup",
        kind: "action",
        name: "Bounces of the recipient",
        operationId: "bounces.search",
        query: { count: 1, offset: 0, emailFilter: map("Email") },
        approval: "auto",
      },
      {
        id: "found",
        kind: "condition",
        conditions: { mode: "all", rules: [{ from: "step:lookup", field: "TotalCount", op: "greaterThan", value: 0 }] },
      },
      {
        id: "notify",
        kind: "action",
        operationId: "email.send",
        body: {
          From: "mailroom@example.com",
          To: "team@example.com",
          Subject: { $template: "SMTP rejected mail to {{trigger.Email}}" },
          TextBody: {
            $template:
              "Postmark said: {{trigger.Details}}\n\nLast bounce: {{step:lookup.Bounces[0].Type}} at {{step:lookup.Bounces[0].BouncedAt}} (bounce {{step:lookup.Bounces[0].ID}}).\n",
          },
          Tag: "mailroom-alert",
        },
        approval: "auto",
      },
    ],
  },
  "open-welcome-follow-up": {
    version: 1,
    name: "Send the next welcome email on first open",
    description:
      "When a welcome email is opened for the first time, send the follow-up template to the same recipient.",
    trigger: {
      type: "open",
      conditions: {
        mode: "all",
        rules: [
          { field: "Tag", op: "equals", value: "welcome-email" },
          { field: "FirstOpen", op: "equals", value: true },
        ],
      },
    },
    steps: [
      {
        id: "nextEmail",
        kind: "action",
        operationId: "email.sendWithTemplate",
        body: {
          From: "hello@example.com",
          To: map("Recipient"),
          TemplateAlias: "welcome-follow-up",
          TemplateModel: { recipient: map("Recipient"), firstName: map("Recipient", [{ type: "localPartOf" }]) },
          Tag: "welcome-follow-up",
          MessageStream: "outbound",
        },
        approval: "auto",
      },
    ],
  },
  "delivery-fetch-details": {
    version: 1,
    name: "Record details of delivered receipts",
    description:
      "When a receipt is delivered, fetch the message's details (subject, events, bodies) so the run shows what was delivered and where.",
    trigger: {
      type: "delivery",
      conditions: { mode: "all", rules: [{ field: "Tag", op: "equals", value: "receipt" }] },
    },
    steps: [
      {
        id: "details",
        kind: "action",
        operationId: "messages.outboundDetails",
        params: { messageid: map("MessageID") },
        approval: "auto",
      },
    ],
  },
  "resubscribe-notify": {
    version: 1,
    name: "Tell the team when an address is reactivated",
    description:
      "When a suppression is lifted (SuppressSending false), email the team which address can receive mail again and why.",
    trigger: {
      type: "subscription-change",
      conditions: { mode: "all", rules: [{ field: "SuppressSending", op: "equals", value: false }] },
    },
    steps: [
      {
        id: "notify",
        kind: "action",
        operationId: "email.send",
        body: {
          From: "mailroom@example.com",
          To: "team@example.com",
          Subject: { $template: "{{trigger.Recipient}} can receive mail again on {{trigger.MessageStream}}" },
          TextBody: {
            $template: 'Origin: {{trigger.Origin | default:"unknown"}}\nChanged at: {{trigger.ChangedAt}}\n',
          },
          Tag: "mailroom-alert",
        },
        approval: "auto",
      },
    ],
  },
  "spam-complaint-review-message": {
    version: 1,
    name: "Review the message behind a spam complaint",
    description:
      "Fetches the complained-about message and emails its subject and sender to the team, so a bad campaign is caught early.",
    trigger: { type: "spam-complaint", conditions: { mode: "all", rules: [] } },
    steps: [
      {
        id: "message",
        kind: "action",
        operationId: "messages.outboundDetails",
        params: { messageid: map("MessageID") },
        approval: "auto",
      },
      {
        id: "notify",
        kind: "action",
        operationId: "email.send",
        body: {
          From: "mailroom@example.com",
          To: "team@example.com",
          Subject: { $template: "Spam complaint from {{trigger.Email | domainOf}}" },
          TextBody: {
            $template:
              'Subject: {{step:message.Subject}}\nFrom: {{step:message.From}}\nTag: {{step:message.Tag | default:"(none)"}}\n',
          },
          Tag: "mailroom-alert",
        },
        approval: "auto",
      },
    ],
  },
  "alert-page-on-call": {
    version: 1,
    name: "Email on-call when an alert fires",
    description:
      "When one of Mailroom's alert rules starts firing (a bounce or spam-complaint rate, a bounce type, a stopped webhook flow), email the on-call address what breached and where to look.",
    trigger: { type: "alert", conditions: { mode: "all", rules: [] } },
    steps: [
      {
        id: "page",
        kind: "action",
        operationId: "email.send",
        body: {
          From: "mailroom@example.com",
          To: "oncall@example.com",
          Subject: { $template: "Alert: {{trigger.RuleName}}" },
          TextBody: {
            $template:
              '{{trigger.Summary}}\n\nRule: {{trigger.RuleName}} ({{trigger.Kind}})\nServer: {{trigger.ServerID}}\nStream: {{trigger.MessageStream | default:"all"}}\nSince: {{trigger.StartedAt}}\n',
          },
          Tag: "mailroom-alert",
        },
        approval: "auto",
      },
    ],
  },
} satisfies Record<string, WorkflowDocumentInput>;

/** Changes to the trigger's example event that make a template's conditions pass, for its test run. */
export const librarySamples: Partial<Record<keyof typeof libraryDocuments, Record<string, unknown>>> = {
  "bounce-reactivate-soft": {
    Type: "SoftBounce",
    TypeCode: 4096,
    Name: "Soft bounce",
    CanActivate: true,
    Inactive: false,
  },
  "click-pricing-follow-up": { OriginalLink: "https://example.com/pricing?plan=team" },
  "unsubscribe-data-removal": { SuppressionReason: "ManualSuppression", Origin: "Recipient", SuppressSending: true },
  "tagged-bounce-notify": { Tag: "invoice" },
  "delivery-fetch-details": { Tag: "receipt" },
  "resubscribe-notify": { SuppressSending: false, SuppressionReason: null, Origin: "Customer" },
};
