import { emailSend, emailSendWithTemplate } from "@/contract/postmark/send";
import type { z } from "zod";
import { fieldErrors } from "@/web/lib/form-errors";
import { formatBytes, isForbiddenAttachment, jsonBytes, MAX_MESSAGE_BYTES } from "./send-limits";

export const trackLinksOptions = ["None", "HtmlAndText", "HtmlOnly", "TextOnly"] as const;
export type TrackLinksOption = (typeof trackLinksOptions)[number];

/** One row of a key/value editor (metadata, headers). */
export interface KeyValue {
  key: string;
  value: string;
}

/** A picked file, already read as base64 (Postmark's `Content`). */
export interface AttachmentFile {
  Name: string;
  ContentType: string;
  Content: string;
  /** Size of the file itself, before encoding. */
  size: number;
}

/** What the envelope part of both forms holds: plain strings, as the inputs give them. */
export interface EnvelopeState {
  From: string;
  To: string;
  Cc: string;
  Bcc: string;
  ReplyTo: string;
  Tag: string;
  Metadata: KeyValue[];
  Headers: KeyValue[];
  Attachments: AttachmentFile[];
  TrackOpens: boolean;
  TrackLinks: TrackLinksOption;
  MessageStream: string;
}

export interface ComposeState extends EnvelopeState {
  Subject: string;
  HtmlBody: string;
  TextBody: string;
}

export const emptyEnvelope: EnvelopeState = {
  From: "",
  To: "",
  Cc: "",
  Bcc: "",
  ReplyTo: "",
  Tag: "",
  Metadata: [],
  Headers: [],
  Attachments: [],
  TrackOpens: true,
  TrackLinks: "None",
  MessageStream: "outbound",
};
export const emptyCompose: ComposeState = { ...emptyEnvelope, Subject: "", HtmlBody: "", TextBody: "" };

export type Errors = Record<string, string>;
export type Result<T> = { ok: true; body: T } | { ok: false; errors: Errors };

const filled = (rows: readonly KeyValue[]) => rows.filter((r) => r.key.trim() || r.value.trim());

/** Metadata rows → an object; blank rows are skipped, a value without a key or a repeated key is an error. */
export function metadataFromRows(rows: readonly KeyValue[]): { value?: Record<string, string>; error?: string } {
  const out: Record<string, string> = {};
  for (const [i, r] of filled(rows).entries()) {
    const key = r.key.trim();
    if (!key) return { error: `Row ${i + 1}: the key is empty.` };
    if (key in out) return { error: `Row ${i + 1}: "${key}" appears twice.` };
    out[key] = r.value.trim();
  }
  return Object.keys(out).length ? { value: out } : {};
}

/** Header rows → Postmark's `[{Name, Value}]`; a header needs a name. */
export function headersFromRows(rows: readonly KeyValue[]): {
  value?: { Name: string; Value: string }[];
  error?: string;
} {
  const out: { Name: string; Value: string }[] = [];
  for (const [i, r] of filled(rows).entries()) {
    const name = r.key.trim();
    if (!name) return { error: `Row ${i + 1}: the header name is empty.` };
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name))
      return {
        error: `Row ${i + 1}: "${name}" is not a valid header name (printable characters, no spaces or colons).`,
      };
    out.push({ Name: name, Value: r.value });
  }
  return out.length ? { value: out } : {};
}

/** Forbidden file types are refused before the message is built. */
export function attachmentErrors(files: readonly AttachmentFile[]): string | undefined {
  const bad = files.filter((f) => isForbiddenAttachment(f.Name)).map((f) => f.Name);
  if (bad.length) return `Postmark does not accept these file types: ${bad.join(", ")}.`;
  return undefined;
}

/** Leaves out what the user left blank, so Postmark applies its own defaults. */
function envelope(
  s: EnvelopeState,
  metadata: Record<string, string> | undefined,
  headers: { Name: string; Value: string }[] | undefined,
) {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    From: s.From.trim(),
    To: s.To.trim(),
    Cc: opt(s.Cc),
    Bcc: opt(s.Bcc),
    ReplyTo: opt(s.ReplyTo),
    Tag: opt(s.Tag),
    Metadata: metadata,
    Headers: headers,
    Attachments: s.Attachments.length
      ? s.Attachments.map(({ Name, ContentType, Content }) => ({ Name, ContentType, Content }))
      : undefined,
    TrackOpens: s.TrackOpens,
    TrackLinks: s.TrackLinks,
    MessageStream: opt(s.MessageStream),
  };
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Checks the catalog's schema would accept it, plus what the form needs before asking Postmark. */
function check<T>(schema: z.ZodType<T>, candidate: unknown, extra: Errors): Result<T> {
  const parsed = schema.safeParse(candidate);
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...extra };
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  // The size limit counts the whole message, attachments included, as Postmark receives it.
  const size = jsonBytes(parsed.data);
  if (size > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      errors: {
        Attachments: `The message is ${formatBytes(size)} with its attachments encoded; Postmark accepts at most ${formatBytes(MAX_MESSAGE_BYTES)}.`,
      },
    };
  }
  return { ok: true, body: parsed.data };
}

function envelopeParts(s: EnvelopeState) {
  const meta = metadataFromRows(s.Metadata);
  const headers = headersFromRows(s.Headers);
  const errors: Errors = {};
  if (!s.From.trim()) errors.From = "Who the message is from, e.g. Lumen <hello@lumen.example>.";
  if (!s.To.trim()) errors.To = "At least one recipient.";
  if (meta.error) errors.Metadata = meta.error;
  if (headers.error) errors.Headers = headers.error;
  const att = attachmentErrors(s.Attachments);
  if (att) errors.Attachments = att;
  return { errors, fields: envelope(s, meta.value, headers.value) };
}

export type SendBody = z.infer<typeof emailSend.body>;

export function buildSendBody(s: ComposeState): Result<SendBody> {
  const { errors, fields } = envelopeParts(s);
  if (!s.HtmlBody.trim() && !s.TextBody.trim()) errors.HtmlBody = "Write an HTML body, a text body, or both.";
  const candidate = dropUndefined({
    ...fields,
    Subject: s.Subject,
    HtmlBody: s.HtmlBody.trim() ? s.HtmlBody : undefined,
    TextBody: s.TextBody.trim() ? s.TextBody : undefined,
  });
  return check(emailSend.body as z.ZodType<SendBody>, candidate, errors);
}

export type TemplateSendBody = z.infer<typeof emailSendWithTemplate.body>;

/** The model editor's text → an object, or why not. */
export function parseModel(text: string): { value?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return { value: {} };
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return { error: "The model must be a JSON object: { … }." };
    return { value: v as Record<string, unknown> };
  } catch (e) {
    return { error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A template is picked by numeric id or by alias; Postmark takes one or the other. */
export function templateRef(idOrAlias: string): { TemplateId: number } | { TemplateAlias: string } {
  return /^\d+$/.test(idOrAlias) ? { TemplateId: Number(idOrAlias) } : { TemplateAlias: idOrAlias };
}

export function buildTemplateBody(
  s: EnvelopeState,
  template: string | undefined,
  model: { value?: Record<string, unknown>; error?: string },
): Result<TemplateSendBody> {
  const { errors, fields } = envelopeParts(s);
  if (!template) errors.Template = "Pick a template.";
  if (model.error) errors.TemplateModel = model.error;
  const candidate = dropUndefined({
    ...fields,
    ...(template ? templateRef(template) : {}),
    TemplateModel: model.value ?? {},
  });
  return check(emailSendWithTemplate.body as z.ZodType<TemplateSendBody>, candidate, errors);
}
