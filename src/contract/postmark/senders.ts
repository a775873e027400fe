import { z } from "zod";
import { senderSignature } from "./entities";
import { operation } from "./operation";
import { idParam, pageCount, pageOffset } from "./shared";

export const sendersCreate = operation({
  id: "senders.create",
  area: "senders",
  title: "Create a sender signature",
  description: "Add a sender signature; Postmark emails the address to confirm it.",
  method: "POST",
  path: "/senders",
  token: "account",
  risk: "write",
  body: z.object({
    FromEmail: z.string(),
    Name: z.string(),
    ReplyToEmail: z.string().optional(),
    ReturnPathDomain: z.string().optional(),
    ConfirmationPersonalNote: z.string().optional(),
  }),
  response: senderSignature,
  invalidates: ["senders"],
  notes: "A confirmation email is sent to FromEmail; Confirmed stays false until clicked.",
  help: "Postmark emails the address a confirmation link; it can send once the link is clicked.",
});

export const sendersDelete = operation({
  id: "senders.delete",
  area: "senders",
  title: "Delete a sender signature",
  description: "Remove a sender signature.",
  method: "DELETE",
  path: "/senders/{signatureid}",
  token: "account",
  risk: "destructive",
  params: z.object({ signatureid: idParam }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["senders"],
  notes: "Unknown id -> 501; not owned -> 507.",
  help: "Mail can no longer be sent from this address unless its domain is verified.",
});

export const sendersGet = operation({
  id: "senders.get",
  area: "senders",
  title: "Get sender signature details",
  description: "A sender signature with its confirmation and DNS state.",
  method: "GET",
  path: "/senders/{signatureid}",
  token: "account",
  risk: "read",
  params: z.object({ signatureid: idParam }),
  response: senderSignature,
  invalidates: [],
  notes: "SPF fields are deprecated but still returned.",
});

export const sendersList = operation({
  id: "senders.list",
  area: "senders",
  title: "List sender signatures",
  description: "Sender signatures of the account.",
  method: "GET",
  path: "/senders",
  token: "account",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    SenderSignatures: z.array(
      z.looseObject({
        Domain: z.string().nullable(),
        EmailAddress: z.string().nullable(),
        ReplyToEmailAddress: z.string().nullable(),
        Name: z.string().nullable(),
        Confirmed: z.boolean(),
        ID: z.number(),
      }),
    ),
  }),
  invalidates: [],
  notes: "Paging errors -> 500.",
});

export const sendersRequestNewDkim = operation({
  id: "senders.requestNewDkim",
  area: "senders",
  title: "Request new DKIM for sender (deprecated)",
  description: "Ask for a new DKIM key for a signature's domain (deprecated).",
  method: "POST",
  path: "/senders/{signatureid}/requestnewdkim",
  token: "account",
  risk: "write",
  params: z.object({ signatureid: idParam }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["senders"],
  notes:
    "Deprecated (use Domains rotatedkim). Success body unconfirmed: dotnet/gem/python treat it as {ErrorCode, Message}; postmark.js types a signature object. Already renewing -> 422 ErrorCode 505 'This DKIM is already being renewed.' (live capture).",
});

export const sendersResendConfirmation = operation({
  id: "senders.resendConfirmation",
  area: "senders",
  title: "Resend sender confirmation email",
  description: "Email the confirmation link to the sender address again.",
  method: "POST",
  path: "/senders/{signatureid}/resend",
  token: "account",
  risk: "write",
  params: z.object({ signatureid: idParam }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["senders"],
  notes: "No body. Already confirmed -> 506.",
});

export const sendersUpdate = operation({
  id: "senders.update",
  area: "senders",
  title: "Update a sender signature",
  description: "Change a signature's name, reply-to, Return-Path or note.",
  method: "PUT",
  path: "/senders/{signatureid}",
  token: "account",
  risk: "write",
  params: z.object({ signatureid: idParam }),
  body: z.object({
    Name: z.string(),
    ReplyToEmail: z.string().optional(),
    ReturnPathDomain: z.string().optional(),
    ConfirmationPersonalNote: z.string().optional(),
  }),
  response: senderSignature,
  invalidates: ["senders"],
  notes: "No data -> 502. Returns the full signature object.",
});

export const sendersVerifySpf = operation({
  id: "senders.verifySpf",
  area: "senders",
  title: "Verify sender SPF records (deprecated)",
  description: "Check a signature's SPF record (deprecated).",
  method: "POST",
  path: "/senders/{signatureid}/verifyspf",
  token: "account",
  risk: "write",
  params: z.object({ signatureid: idParam }),
  response: senderSignature,
  invalidates: ["senders"],
  notes: "Deprecated. Returns the full signature object (live capture); gem only reads SPFVerified.",
});
