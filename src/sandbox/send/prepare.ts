// Turns a send request into a message, validating it the way Postmark does.
import { randomUUID } from "node:crypto";
import type { Answer } from "../http/context";
import { fail } from "../http/errors";
import { countContentPlaceholders, render, renderWithLayout } from "../mustachio";
import type { ServerStore } from "../world/server-store";
import type { OutboundMessage, Template, TrackLinks } from "../world/types";
import { parseAddress, parseAddressList } from "./addresses";
import { refuseSender } from "./sender-check";

const FORBIDDEN = new Set(
  "vbs exe bin bat chm com cpl crt hlp hta inf ins isp jse lnk mdb pcd pif reg scr sct shs vbe vba wsf wsh wsl msc msi msp mst".split(
    " ",
  ),
);
const TRACK_LINKS = new Set(["None", "HtmlAndText", "HtmlOnly", "TextOnly"]);

export type SendInput = Record<string, unknown>;

export interface Prepared {
  message: OutboundMessage;
  /** Recipients left out because the stream suppresses them. */
  inactive: string[];
}

function text(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}

export function resolveStream(store: ServerStore, id: unknown, broadcastOnly = false): string {
  const wanted = text(id) || (broadcastOnly ? "broadcast" : "outbound");
  const stream = [...store.streams.values()].find((s) => s.ID.toLowerCase() === wanted.toLowerCase());
  if (!stream || stream.ArchivedAt) fail(1235, `The message stream '${wanted}' does not exist on this server.`);
  if (stream.MessageStreamType === "Inbound")
    fail(1236, `The message stream '${stream.ID}' is an inbound stream; sending is not supported on it.`);
  if (broadcastOnly && stream.MessageStreamType !== "Broadcasts")
    fail(1236, `Bulk sending is only supported on Broadcasts streams; '${stream.ID}' is ${stream.MessageStreamType}.`);
  return stream.ID;
}

function validateMetadata(meta: unknown): Record<string, string> {
  if (meta === undefined || meta === null) return {};
  if (typeof meta !== "object" || Array.isArray(meta)) fail(300, "Metadata must be an object of string values.");
  const entries = Object.entries(meta as Record<string, unknown>);
  if (entries.length > 10) fail(300, "Metadata may have at most 10 fields.");
  for (const [k, v] of entries) {
    if (k.length > 20) fail(300, `Metadata field name '${k}' is longer than 20 characters.`);
    if (text(v).length > 80) fail(300, `Metadata field '${k}' has a value longer than 80 characters.`);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, text(v)]));
}

function extractLinks(html: string, textBody: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/href\s*=\s*["'](https?:\/\/[^"']+)["']/gi)) found.add(m[1]!);
  for (const m of textBody.matchAll(/https?:\/\/[^\s)>"']+/g)) found.add(m[0]);
  return [...found];
}

/** Validates the envelope and bodies of one message; the caller stores it. */
export function prepareMessage(
  store: ServerStore,
  input: SendInput,
  now: number,
  opts: { broadcastOnly?: boolean; senderAllowed?: (email: string) => boolean } = {},
): Prepared {
  const fromText = text(input.From);
  if (!fromText) fail(300, "Invalid 'From' address: ''.");
  const from = parseAddress(fromText, "From");
  if (opts.senderAllowed && !opts.senderAllowed(from.Email)) refuseSender(fromText);
  const to = parseAddressList(input.To, "To");
  const cc = parseAddressList(input.Cc, "Cc");
  const bcc = parseAddressList(input.Bcc, "Bcc");
  if (to.length + cc.length + bcc.length === 0) fail(300, "Zero recipients specified");
  if (to.length + cc.length + bcc.length > 50) fail(300, "You may not have more than 50 recipients per message.");
  const subject = text(input.Subject);
  if (subject.length > 2000) fail(300, "The 'Subject' may not be longer than 2000 characters.");
  const htmlBody = text(input.HtmlBody);
  const textBody = text(input.TextBody);
  if (!htmlBody && !textBody) fail(300, "Provide either email TextBody or HtmlBody or both.");
  if (htmlBody.length > 5_000_000 || textBody.length > 5_000_000)
    fail(300, "TextBody and HtmlBody may be at most 5 MB each.");
  const tag = text(input.Tag);
  if (tag.length > 1000) fail(300, "The 'Tag' may not be longer than 1000 characters.");
  const trackLinksText =
    input.TrackLinks === undefined || input.TrackLinks === null ? store.config.TrackLinks : text(input.TrackLinks);
  if (!TRACK_LINKS.has(trackLinksText)) fail(300, `The 'TrackLinks' value '${trackLinksText}' is not valid.`);
  const headers = Array.isArray(input.Headers)
    ? (input.Headers as { Name?: unknown; Value?: unknown }[]).map((h) => ({
        Name: text(h?.Name),
        Value: text(h?.Value),
      }))
    : [];
  if (headers.some((h) => !h.Name)) fail(300, "Every header needs a 'Name'.");
  const attachments = Array.isArray(input.Attachments) ? (input.Attachments as Record<string, unknown>[]) : [];
  const files = attachments.map((a) => {
    const name = text(a?.Name);
    const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
    if (!name || !text(a?.Content) || !text(a?.ContentType))
      fail(300, "Attachments need 'Name', 'Content' and 'ContentType'.");
    if (FORBIDDEN.has(ext)) fail(411, `Attachments of this file type are not allowed: ${name}`);
    return {
      Name: name,
      ContentType: text(a.ContentType),
      ContentLength: Math.floor((text(a.Content).length * 3) / 4),
      ...(a.ContentID ? { ContentID: text(a.ContentID) } : {}),
    };
  });
  const metadata = validateMetadata(input.Metadata);
  const stream = resolveStream(store, input.MessageStream, opts.broadcastOnly);
  const all = [...to, ...cc, ...bcc];
  const inactive = all.filter((a) => store.isSuppressed(stream, a.Email)).map((a) => a.Email);
  const trackLinks = trackLinksText as TrackLinks;
  const message: OutboundMessage = {
    id: randomUUID(),
    serverId: store.id,
    stream,
    tag,
    from: from.Name ? `"${from.Name}" <${from.Email}>` : from.Email,
    to,
    cc,
    bcc,
    recipients: all.map((a) => a.Email).filter((e) => !inactive.includes(e)),
    subject,
    htmlBody,
    textBody,
    receivedAt: now,
    status: "Queued",
    trackOpens:
      input.TrackOpens === undefined || input.TrackOpens === null ? store.config.TrackOpens : input.TrackOpens === true,
    trackLinks,
    metadata,
    attachments: files,
    headers,
    links: trackLinks === "None" ? [] : extractLinks(htmlBody, textBody),
    events: [],
  };
  return { message, inactive };
}

export function findTemplateFor(store: ServerStore, input: SendInput): Template {
  const id = input.TemplateId;
  const alias = input.TemplateAlias;
  if (id !== undefined && id !== null && id !== "") {
    const t = /^\d+$/.test(String(id)) ? store.templates.get(Number(id)) : undefined;
    if (!t || !t.Active || t.TemplateType !== "Standard")
      fail(1101, "The 'TemplateId' associated with this request is not valid or was not found.");
    return t;
  }
  if (alias !== undefined && alias !== null && alias !== "") {
    const t = store.findTemplate(String(alias));
    if (!t || !t.Active || t.TemplateType !== "Standard" || /^\d+$/.test(String(alias)))
      fail(1101, "The Template's 'Alias' associated with this request is not valid or was not found.");
    return t;
  }
  return fail(1101, "Either 'TemplateId' or 'TemplateAlias' must be provided.");
}

/** Renders a Standard template (and its layout) into Subject/HtmlBody/TextBody of a send input. */
export function applyTemplate(store: ServerStore, input: SendInput): SendInput {
  for (const field of ["Subject", "HtmlBody", "TextBody"])
    if (input[field] !== undefined && input[field] !== null)
      fail(1123, `The '${field}' field is not allowed when sending with a template.`);
  const model = input.TemplateModel;
  if (model === undefined || model === null || typeof model !== "object")
    fail(1120, "The 'TemplateModel' field is required.");
  const template = findTemplateFor(store, input);
  const layout = template.LayoutTemplate ? store.findTemplate(template.LayoutTemplate) : undefined;
  try {
    const html = template.HtmlBody
      ? layout?.HtmlBody && countContentPlaceholders(layout.HtmlBody) === 1
        ? renderWithLayout(layout.HtmlBody, template.HtmlBody, model, { html: true })
        : render(template.HtmlBody, model, { html: true })
      : "";
    const textBody = template.TextBody
      ? layout?.TextBody && countContentPlaceholders(layout.TextBody) === 1
        ? renderWithLayout(layout.TextBody, template.TextBody, model, { html: false })
        : render(template.TextBody, model, { html: false })
      : "";
    return {
      ...input,
      Subject: render(template.Subject, model, { html: false }),
      HtmlBody: html,
      TextBody: textBody,
      TemplateId: undefined,
      TemplateAlias: undefined,
    };
  } catch (e) {
    return fail(1123, `The template could not be rendered: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function sendResult(
  m: { to: { Email: string; Name: string | null }[] },
  input: SendInput,
  submittedAt: string,
  id: string,
  testMode: boolean,
): Answer<"email.send"> {
  return {
    To: text(input.To) || m.to.map((a) => a.Email).join(", "),
    SubmittedAt: submittedAt,
    MessageID: id,
    ErrorCode: 0,
    Message: testMode ? "Test job accepted" : "OK",
  };
}
