import { fail } from "../http/errors";
import { objectBody, paging, positiveInt, type Handler, type HandlerContext } from "../http/context";
import { dkimFields } from "../seed/account";
import { isEmail } from "../send/addresses";
import type { Sender } from "../world/types";
import { checkReturnPath, rotate } from "./domains";

function senderById(ctx: HandlerContext): Sender {
  const id = positiveInt(ctx.params.signatureid);
  const s = id === null ? undefined : ctx.world.senders.get(id);
  if (!s) fail(501, "This sender signature was not found.");
  return s;
}

function applyEdits(s: Sender, body: Record<string, unknown>): void {
  if (body.ReplyToEmail !== undefined && body.ReplyToEmail !== null) {
    const v = String(body.ReplyToEmail);
    if (v && !isEmail(v)) fail(522, `'${v}' is not a valid ReplyToEmail.`);
    s.ReplyToEmailAddress = v;
  }
  if (body.ReturnPathDomain !== undefined && body.ReturnPathDomain !== null)
    s.ReturnPathDomain = checkReturnPath(body.ReturnPathDomain, s.Domain);
  if (body.ConfirmationPersonalNote !== undefined && body.ConfirmationPersonalNote !== null) {
    const note = String(body.ConfirmationPersonalNote);
    if (note.length > 400) fail(521, "ConfirmationPersonalNote may not be longer than 400 characters.");
    s.ConfirmationPersonalNote = note;
  }
}

export const senderHandlers = {
  "senders.list": (ctx) => {
    const { count, offset } = paging(ctx.query, 500);
    const all = [...ctx.world.senders.values()];
    return {
      TotalCount: all.length,
      SenderSignatures: all.slice(offset, offset + count).map((s) => ({
        Domain: s.Domain,
        EmailAddress: s.EmailAddress,
        ReplyToEmailAddress: s.ReplyToEmailAddress,
        Name: s.Name,
        Confirmed: s.Confirmed,
        ID: s.ID,
      })),
    };
  },
  "senders.get": (ctx) => senderById(ctx),
  "senders.create": (ctx) => {
    const body = objectBody(ctx, 520, "FromEmail and Name are required.");
    const email = typeof body.FromEmail === "string" ? body.FromEmail.trim() : "";
    const name = typeof body.Name === "string" ? body.Name.trim() : "";
    if (!email || !name) fail(520, "FromEmail and Name are required.");
    if (!isEmail(email)) fail(522, `'${email}' is not a valid email address.`);
    if (name.length > 255) fail(521, "The 'Name' may not be longer than 255 characters.");
    const domain = email.split("@")[1]!.toLowerCase();
    if (["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com"].includes(domain))
      fail(503, "You cannot use a public domain.");
    if ([...ctx.world.senders.values()].some((s) => s.EmailAddress.toLowerCase() === email.toLowerCase()))
      fail(504, "This signature already exists.");
    const s: Sender = {
      ID: ctx.world.nextId("sender"),
      Domain: domain,
      EmailAddress: email,
      ReplyToEmailAddress: "",
      Name: name,
      Confirmed: false,
      ConfirmationPersonalNote: "",
      ...dkimFields(ctx.sandbox.rng, domain, "pending", false, ctx.world.now()),
    };
    applyEdits(s, body);
    ctx.world.senders.set(s.ID, s);
    return s;
  },
  "senders.update": (ctx) => {
    const s = senderById(ctx);
    const body = objectBody(ctx, 502, "No data was supplied.");
    if (typeof body.Name !== "string" || !body.Name.trim()) fail(520, "The 'Name' field is required.");
    s.Name = body.Name.trim();
    applyEdits(s, body);
    return s;
  },
  "senders.delete": (ctx) => {
    const s = senderById(ctx);
    ctx.world.senders.delete(s.ID);
    return { ErrorCode: 0, Message: `Signature ${s.EmailAddress} removed.` };
  },
  "senders.resendConfirmation": (ctx) => {
    const s = senderById(ctx);
    if (s.Confirmed) fail(506, "This signature has already been confirmed.");
    return { ErrorCode: 0, Message: `Confirmation email for Sender Signature ${s.EmailAddress} was re-sent.` };
  },
  "senders.verifySpf": (ctx) => {
    const s = senderById(ctx);
    s.SPFVerified = true;
    return s;
  },
  "senders.requestNewDkim": (ctx) => {
    const s = senderById(ctx);
    rotate(s, s.Domain, ctx.sandbox.rng, ctx.world.now());
    return { ErrorCode: 0, Message: `New DKIM key has been requested for ${s.EmailAddress}.` };
  },
} satisfies {
  [
    K in
      | "senders.list"
      | "senders.get"
      | "senders.create"
      | "senders.update"
      | "senders.delete"
      | "senders.resendConfirmation"
      | "senders.verifySpf"
      | "senders.requestNewDkim"
  ]: Handler<K>;
};
