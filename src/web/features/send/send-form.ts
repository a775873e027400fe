import { emailSend, emailSendWithTemplate } from "@/contract/postmark/send";
import type { z } from "zod";
import { fieldErrors } from "@/web/lib/form-errors";

export const trackLinksOptions = ["None", "HtmlAndText", "HtmlOnly", "TextOnly"] as const;
export type TrackLinksOption = (typeof trackLinksOptions)[number];

/** What the envelope part of both forms holds: plain strings, as the inputs give them. */
export interface EnvelopeState {
  From: string;
  To: string;
  Cc: string;
  Bcc: string;
  Tag: string;
  /** One `key: value` per line. */
  Metadata: string;
  TrackOpens: boolean;
  TrackLinks: TrackLinksOption;
  MessageStream: string;
}

export interface ComposeState extends EnvelopeState {
  Subject: string;
  HtmlBody: string;
  TextBody: string;
}

export const emptyEnvelope: EnvelopeState = { From: "", To: "", Cc: "", Bcc: "", Tag: "", Metadata: "", TrackOpens: true, TrackLinks: "None", MessageStream: "outbound" };
export const emptyCompose: ComposeState = { ...emptyEnvelope, Subject: "", HtmlBody: "", TextBody: "" };

export type Errors = Record<string, string>;
export type Result<T> = { ok: true; body: T } | { ok: false; errors: Errors };

/** `key: value` (or `key=value`) lines → an object; blank lines are skipped. */
export function parseMetadata(text: string): { value?: Record<string, string>; error?: string } {
  const out: Record<string, string> = {};
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([^:=]+)[:=](.*)$/.exec(line);
    if (!m) return { error: `Line ${i + 1}: write it as key: value.` };
    const key = m[1]!.trim();
    if (!key) return { error: `Line ${i + 1}: the key is empty.` };
    if (key in out) return { error: `Line ${i + 1}: "${key}" appears twice.` };
    out[key] = m[2]!.trim();
  }
  return Object.keys(out).length ? { value: out } : {};
}

/** Leaves out what the user left blank, so Postmark applies its own defaults. */
function envelope(s: EnvelopeState, metadata: Record<string, string> | undefined) {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    From: s.From.trim(),
    To: s.To.trim(),
    Cc: opt(s.Cc),
    Bcc: opt(s.Bcc),
    Tag: opt(s.Tag),
    Metadata: metadata,
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
  return { ok: true, body: parsed.data };
}

function envelopeErrors(s: EnvelopeState, metaError: string | undefined): Errors {
  const errors: Errors = {};
  if (!s.From.trim()) errors.From = "Who the message is from, e.g. Lumen <hello@lumen.example>.";
  if (!s.To.trim()) errors.To = "At least one recipient.";
  if (metaError) errors.Metadata = metaError;
  return errors;
}

export type SendBody = z.infer<typeof emailSend.body>;

export function buildSendBody(s: ComposeState): Result<SendBody> {
  const meta = parseMetadata(s.Metadata);
  const extra = envelopeErrors(s, meta.error);
  if (!s.HtmlBody.trim() && !s.TextBody.trim()) extra.HtmlBody = "Write an HTML body, a text body, or both.";
  const candidate = dropUndefined({
    ...envelope(s, meta.value),
    Subject: s.Subject,
    HtmlBody: s.HtmlBody.trim() ? s.HtmlBody : undefined,
    TextBody: s.TextBody.trim() ? s.TextBody : undefined,
  });
  return check(emailSend.body as z.ZodType<SendBody>, candidate, extra);
}

export type TemplateSendBody = z.infer<typeof emailSendWithTemplate.body>;

/** The model editor's text → an object, or why not. */
export function parseModel(text: string): { value?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return { value: {} };
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null || Array.isArray(v)) return { error: "The model must be a JSON object: { … }." };
    return { value: v as Record<string, unknown> };
  } catch (e) {
    return { error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A template is picked by numeric id or by alias; Postmark takes one or the other. */
export function templateRef(idOrAlias: string): { TemplateId: number } | { TemplateAlias: string } {
  return /^\d+$/.test(idOrAlias) ? { TemplateId: Number(idOrAlias) } : { TemplateAlias: idOrAlias };
}

export function buildTemplateBody(s: EnvelopeState, template: string | undefined, modelText: string): Result<TemplateSendBody> {
  const meta = parseMetadata(s.Metadata);
  const model = parseModel(modelText);
  const extra = envelopeErrors(s, meta.error);
  if (!template) extra.Template = "Pick a template.";
  if (model.error) extra.TemplateModel = model.error;
  const candidate = dropUndefined({ ...envelope(s, meta.value), ...(template ? templateRef(template) : {}), TemplateModel: model.value ?? {} });
  return check(emailSendWithTemplate.body as z.ZodType<TemplateSendBody>, candidate, extra);
}
