import { z } from "zod";
import { operation } from "./operation";
import { refineRecipientLimit } from "./recipients";
import { attachments, headers, metadata, trackLinks } from "./shared";

export const bulkStatus = operation({
  id: "bulk.status",
  area: "send",
  title: "Get bulk email request status",
  description: "Progress of a bulk send request.",
  method: "GET",
  path: "/email/bulk/{bulkRequestId}",
  token: "server",
  risk: "read",
  params: z.object({ bulkRequestId: z.string().min(1) }),
  response: z.looseObject({
    Id: z.string().nullable(),
    SubmittedAt: z.string().nullable(),
    TotalMessages: z.number(),
    PercentageCompleted: z.number(),
    ReleasedCount: z.number(),
    FailedCount: z.number(),
    Status: z.string().nullable(),
    Subject: z.string().nullable().optional(), // omitted when the request had none
  }),
  invalidates: [],
  notes:
    "Key is 'Id' (not 'ID'). Status: Accepted | Processing | Completed | Cancelled per current docs (postmark.js/python enums say Failed instead of Cancelled). PercentageCompleted scale unconfirmed (doc-derived examples show 1 for a completed one-message request, i.e. likely 0-1 or 0-100); ReleasedCount/FailedCount only in docs (not in SDK types) -> unconfirmed. Properties without a value are omitted, not null. Unknown id or other server's id -> HTTP 404 ErrorCode 12. Bulk API needs enabling by support: 422 ErrorCode 14 otherwise.",
  help: "How far a bulk send has got: messages released, messages that failed, and whether it has finished.",
});

export const bulkSend = operation({
  id: "bulk.send",
  area: "send",
  title: "Send bulk email to multiple recipients",
  description: "Send one message to many recipients through a broadcast stream.",
  method: "POST",
  path: "/email/bulk",
  token: "server",
  risk: "destructive",
  body: z.object({
    From: z.string(),
    Subject: z.string().optional(),
    HtmlBody: z.string().optional(),
    TextBody: z.string().optional(),
    TemplateId: z.number().int().optional(),
    TemplateAlias: z.string().optional(),
    InlineCss: z.boolean().optional(),
    ReplyTo: z.string().optional(),
    Tag: z.string().optional(),
    Metadata: metadata.optional(),
    MessageStream: z.string().optional(),
    TrackOpens: z.boolean().optional(),
    TrackLinks: trackLinks.optional(),
    Attachments: attachments.optional(),
    Headers: headers.optional(),
    Messages: z.array(
      z.object({
        To: z.string(),
        Cc: z.string().optional(),
        Bcc: z.string().optional(),
        TemplateModel: z.record(z.string(), z.unknown()).optional(),
        Metadata: metadata.optional(),
        Headers: headers.optional(),
      }),
    ),
  }),
  response: z.looseObject({
    Id: z.string().nullable(),
    SubmittedAt: z.string().nullable(),
    Status: z.string().nullable(),
    TotalMessages: z.number(),
    PercentageCompleted: z.number(),
    ReleasedCount: z.number(),
    FailedCount: z.number(),
    Subject: z.string().nullable().optional(), // omitted when the request had none
  }),
  invalidates: ["send", "activity", "stats"],
  notes:
    "Whole request is validated first; any malformed field -> 422 and nothing is sent. One validation error returns its own code; several -> ErrorCode 11 with an 'Errors' object {Field: [{ErrorCode, Message}]}. Response id key: docs/postmark.js say 'Id'; postmark-python and the Rust crate read 'ID' on POST (treat case-insensitively). Docs say POST returns the full status object; postmark.js types only Id/Status/SubmittedAt. Suppressed or unrenderable messages are counted later in FailedCount. Requires Bulk API enablement (422/14).",
  help: "One message to many recipients, on a Broadcasts stream only. Postmark checks the whole request first, then sends in the background: follow it with the bulk status. The Bulk API must be enabled for the account.",
});

export const emailSendBatch = operation({
  id: "email.sendBatch",
  area: "send",
  title: "Send a batch of emails",
  description: "Send up to 500 separate messages in one call.",
  method: "POST",
  path: "/email/batch",
  token: "server",
  risk: "write",
  body: z.array(
    z
      .object({
        From: z.string(),
        To: z.string(),
        Cc: z.string().optional(),
        Bcc: z.string().optional(),
        Subject: z.string().optional(),
        Tag: z.string().optional(),
        HtmlBody: z.string().optional(),
        TextBody: z.string().optional(),
        ReplyTo: z.string().optional(),
        Metadata: metadata.optional(),
        Headers: headers.optional(),
        TrackOpens: z.boolean().optional(),
        TrackLinks: trackLinks.optional(),
        Attachments: attachments.optional(),
        MessageStream: z.string().optional(),
      })
      .superRefine(refineRecipientLimit),
  ),
  response: z.array(
    z.looseObject({
      To: z.string().nullable().optional(),
      SubmittedAt: z.string().nullable().optional(),
      MessageID: z.string().nullable().optional(),
      ErrorCode: z.number(),
      Message: z.string().nullable(),
    }),
  ),
  invalidates: ["activity", "stats"],
  notes:
    "HTTP 200 with one result per input message, same order; failed items carry only {ErrorCode, Message}. Whole-request errors (auth, invalid JSON, >500 items, size) use normal error statuses.",
  help: "Up to 500 separate messages in one call. Postmark answers for each message, in order: accepted ones get a MessageID, refused ones an ErrorCode and Message.",
});

export const emailSend = operation({
  id: "email.send",
  area: "send",
  title: "Send a single email",
  description: "Send one message.",
  method: "POST",
  path: "/email",
  token: "server",
  risk: "write",
  body: z
    .object({
      From: z.string(),
      To: z.string(),
      Cc: z.string().optional(),
      Bcc: z.string().optional(),
      Subject: z.string().optional(),
      Tag: z.string().optional(),
      HtmlBody: z.string().optional(),
      TextBody: z.string().optional(),
      ReplyTo: z.string().optional(),
      Metadata: metadata.optional(),
      Headers: headers.optional(),
      TrackOpens: z.boolean().optional(),
      TrackLinks: trackLinks.optional(),
      Attachments: attachments.optional(),
      MessageStream: z.string().optional(),
    })
    .superRefine(refineRecipientLimit),
  response: z.looseObject({
    To: z.string().nullable(),
    SubmittedAt: z.string().nullable(),
    MessageID: z.string().nullable(),
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["activity", "stats"],
  notes:
    "Response Message is 'OK' (or 'Test job accepted' with the POSTMARK_API_TEST token). Errors: 300 invalid request (bad address, no body, >50 recipients, limits), 406 all recipients inactive (HTTP 422), 411 forbidden attachment type, 412/413 account approval, 1235/1236 stream. Payload > 10 MB -> HTTP 413. Forbidden attachment extensions: vbs exe bin bat chm com cpl crt hlp hta inf ins isp jse lnk mdb pcd pif reg scr sct shs vbe vba wsf wsh wsl msc msi msp mst.",
  help: "One message, up to 50 recipients across To, Cc and Bcc. The whole message, attachments included, may be at most 10 MB; some file types (such as .exe, .bat, .msi) are refused. Recipients who bounced hard, complained or were suppressed are skipped.",
});

export const emailSendWithTemplate = operation({
  id: "email.sendWithTemplate",
  area: "send",
  title: "Send an email using a template",
  description: "Send one message rendered from a template and a model.",
  method: "POST",
  path: "/email/withTemplate",
  token: "server",
  risk: "write",
  body: z
    .object({
      TemplateId: z.number().int().optional(),
      TemplateAlias: z.string().optional(),
      TemplateModel: z.record(z.string(), z.unknown()),
      InlineCss: z.boolean().optional(),
      From: z.string(),
      To: z.string(),
      Cc: z.string().optional(),
      Bcc: z.string().optional(),
      Tag: z.string().optional(),
      ReplyTo: z.string().optional(),
      Headers: headers.optional(),
      TrackOpens: z.boolean().optional(),
      TrackLinks: trackLinks.optional(),
      Metadata: metadata.optional(),
      Attachments: attachments.optional(),
      MessageStream: z.string().optional(),
    })
    .superRefine(refineRecipientLimit),
  response: z.looseObject({
    To: z.string().nullable(),
    SubmittedAt: z.string().nullable(),
    MessageID: z.string().nullable(),
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["activity", "stats"],
  notes:
    "Subject/HtmlBody/TextBody must not be sent (1123). Missing template -> 1101; missing TemplateModel -> 1120; reserved top-level model key -> 1122. Missing model values render as empty strings.",
  help: "The template's subject and bodies are filled from the model; leave Subject and bodies out. Variables missing from the model render as empty text.",
});

export const emailSendBatchWithTemplates = operation({
  id: "email.sendBatchWithTemplates",
  area: "send",
  title: "Send batch emails using templates",
  description: "Send up to 500 templated messages in one call.",
  method: "POST",
  path: "/email/batchWithTemplates",
  token: "server",
  risk: "write",
  body: z.object({
    Messages: z.array(
      z
        .object({
          TemplateId: z.number().int().optional(),
          TemplateAlias: z.string().optional(),
          TemplateModel: z.record(z.string(), z.unknown()),
          InlineCss: z.boolean().optional(),
          From: z.string(),
          To: z.string(),
          Cc: z.string().optional(),
          Bcc: z.string().optional(),
          Tag: z.string().optional(),
          ReplyTo: z.string().optional(),
          Headers: headers.optional(),
          TrackOpens: z.boolean().optional(),
          TrackLinks: trackLinks.optional(),
          Metadata: metadata.optional(),
          Attachments: attachments.optional(),
          MessageStream: z.string().optional(),
        })
        .superRefine(refineRecipientLimit),
    ),
  }),
  response: z.array(
    z.looseObject({
      To: z.string().nullable().optional(),
      SubmittedAt: z.string().nullable().optional(),
      MessageID: z.string().nullable().optional(),
      ErrorCode: z.number(),
      Message: z.string().nullable(),
    }),
  ),
  invalidates: ["activity", "stats"],
  notes: "HTTP 200 with an array of per-message results in request order.",
  help: "Up to 500 templated messages in one call, each answered on its own, in order.",
});
