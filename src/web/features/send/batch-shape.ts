// Pure shaping for batch sends: a CSV's columns mapped onto message fields, or a JSON file,
// validated message by message with the catalog's own schema, then sent in Postmark-sized chunks.
import { csvRow } from "@/contract/csv";
import { addressErrors } from "@/contract/postmark/recipients";
import { emailSendBatch } from "@/contract/postmark/send";
import type { z } from "zod";
import { formatBytes, jsonBytes, MAX_MESSAGE_BYTES } from "./send-limits";
import type { AnswerOf } from "@/web/lib/postmark-queries";

export type BatchMessage = z.infer<typeof emailSendBatch.body>[number];
export type BatchResult = AnswerOf<typeof emailSendBatch>[number];

export const batchTargets = [
  "To",
  "Cc",
  "Bcc",
  "From",
  "ReplyTo",
  "Subject",
  "HtmlBody",
  "TextBody",
  "Tag",
  "MessageStream",
  "Metadata",
  "ignore",
] as const;
export type BatchTarget = (typeof batchTargets)[number];
export const targetLabels: Record<BatchTarget, string> = {
  To: "To",
  Cc: "Cc",
  Bcc: "Bcc",
  From: "From",
  ReplyTo: "Reply-To",
  Subject: "Subject",
  HtmlBody: "HTML body",
  TextBody: "Text body",
  Tag: "Tag",
  MessageStream: "Message stream",
  Metadata: "Metadata (column name as key)",
  ignore: "Leave out",
};

/** Values used when no column gives them (one From, Subject and body for every row). */
export interface BatchDefaults {
  From: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
  MessageStream: string;
  Tag: string;
}

const aliases: Record<string, BatchTarget> = {
  to: "To",
  email: "To",
  "e-mail": "To",
  recipient: "To",
  address: "To",
  cc: "Cc",
  bcc: "Bcc",
  from: "From",
  replyto: "ReplyTo",
  "reply-to": "ReplyTo",
  subject: "Subject",
  htmlbody: "HtmlBody",
  html: "HtmlBody",
  textbody: "TextBody",
  text: "TextBody",
  tag: "Tag",
  messagestream: "MessageStream",
  stream: "MessageStream",
};

/** A first guess at the mapping from the header names; anything unknown becomes metadata. */
export function guessMapping(headers: readonly string[]): BatchTarget[] {
  const used = new Set<BatchTarget>();
  return headers.map((h) => {
    const t =
      aliases[
        h
          .trim()
          .toLowerCase()
          .replace(/[\s_]+/g, "")
      ];
    if (t && !used.has(t)) {
      used.add(t);
      return t;
    }
    return h.trim() ? "Metadata" : "ignore";
  });
}

/** One CSV record → a message candidate (unvalidated): mapped columns over the defaults. */
export function recordToMessage(
  headers: readonly string[],
  mapping: readonly BatchTarget[],
  record: readonly string[],
  defaults: BatchDefaults,
): Record<string, unknown> {
  const msg: Record<string, unknown> = {};
  for (const k of ["From", "Subject", "HtmlBody", "TextBody", "MessageStream", "Tag"] as const)
    if (defaults[k].trim()) msg[k] = k.endsWith("Body") ? defaults[k] : defaults[k].trim();
  const metadata: Record<string, string> = {};
  mapping.forEach((target, i) => {
    const value = record[i] ?? "";
    if (target === "ignore") return;
    if (target === "Metadata") {
      if (value.trim()) metadata[headers[i]!.trim()] = value.trim();
      return;
    }
    if (value.trim()) msg[target] = target.endsWith("Body") ? value : value.trim();
  });
  if (Object.keys(metadata).length) msg.Metadata = metadata;
  return msg;
}

/** A JSON file: Postmark's batch body (an array) or `{ "Messages": [...] }`. */
export function messagesFromJson(text: string): { messages?: unknown[]; error?: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const list = Array.isArray(v)
    ? v
    : typeof v === "object" && v !== null && Array.isArray((v as { Messages?: unknown }).Messages)
      ? (v as { Messages: unknown[] }).Messages
      : undefined;
  if (!list) return { error: 'The JSON file must be an array of messages, or an object with a "Messages" array.' };
  if (list.length === 0) return { error: "The file holds no messages." };
  return { messages: list };
}

export interface CheckedMessage {
  /** 1-based position in the file (the CSV's record number, not counting the header). */
  row: number;
  /** The To given, as text (for rows left out, which have no message). */
  to: string;
  message?: BatchMessage;
  errors: string[];
}

const elementSchema = emailSendBatch.body.element;

/** The validation pass: the catalog's schema for one batch message, plus what Postmark requires of every message. */
export function checkMessages(candidates: readonly unknown[]): CheckedMessage[] {
  return candidates.map((c, i) => {
    const row = i + 1;
    if (typeof c !== "object" || c === null || Array.isArray(c))
      return { row, to: "", errors: ["Each message must be an object with From, To and a body."] };
    const raw = c as Record<string, unknown>;
    const to = typeof raw.To === "string" ? raw.To : "";
    const blank = (k: string) => typeof raw[k] !== "string" || !(raw[k] as string).trim();
    // Required fields first, in words a person can act on; then the catalog's schema for the rest.
    const errors: string[] = [];
    if (blank("From")) errors.push("From: missing (map a column or fill in the default).");
    if (blank("To")) errors.push("To: missing.");
    if (blank("HtmlBody") && blank("TextBody")) errors.push("Body: needs an HTML body, a text body, or both.");
    // Address syntax here rather than as ErrorCode 300 from Postmark, so the row is named before sending.
    for (const e of addressErrors(raw, ["From", "To", "Cc", "Bcc", "ReplyTo"])) errors.push(`${e.field}: ${e.message}`);
    const parsed = elementSchema.safeParse(c);
    if (!parsed.success) {
      const missing = new Set(errors.map((e) => e.split(":")[0]));
      for (const iss of parsed.error.issues) {
        const field = iss.path.join(".") || "message";
        if (!missing.has(field)) errors.push(`${field}: ${iss.message}`);
      }
      return { row, to, errors };
    }
    const size = jsonBytes(parsed.data);
    if (size > MAX_MESSAGE_BYTES)
      errors.push(
        `Size: ${formatBytes(size)}; Postmark accepts at most ${formatBytes(MAX_MESSAGE_BYTES)} per message.`,
      );
    return errors.length ? { row, to, errors } : { row, to, message: parsed.data, errors };
  });
}

/** What happened to a row: Postmark accepted or refused it, or the validation pass left it out. */
export type RowOutcome = "accepted" | "refused" | "left out";

/** One row of the result table: the message's own row number and Postmark's answer for it (or why it was not sent). */
export interface RowResult {
  row: number;
  to: string;
  outcome: RowOutcome;
  messageId: string | null;
  /** Postmark's ErrorCode (0 when accepted); null for a row that was never sent. */
  errorCode: number | null;
  message: string;
}

const answered = (
  row: number,
  to: string,
  messageId: string | null,
  errorCode: number,
  message: string,
): RowResult => ({
  row,
  to,
  outcome: errorCode === 0 ? "accepted" : "refused",
  messageId,
  errorCode,
  message,
});

/** Pairs a chunk's answers (same order as sent) with the rows that produced them. */
export function pairResults(sent: readonly CheckedMessage[], answers: readonly BatchResult[]): RowResult[] {
  return sent.map((s, i) => {
    const a = answers[i];
    if (!a) return answered(s.row, s.to, null, -1, "Postmark's answer had no entry for this message.");
    return answered(s.row, a.To ?? s.to, a.MessageID ?? null, a.ErrorCode, a.Message ?? "");
  });
}

/** The same answer for every message of a chunk Postmark refused as a whole. */
export function failChunk(sent: readonly CheckedMessage[], errorCode: number, message: string): RowResult[] {
  return sent.map((s) => answered(s.row, s.to, null, errorCode, message));
}

/** The rows the validation pass left out, with its reasons, so the results account for every row of the file. */
export function leftOutResults(checked: readonly CheckedMessage[]): RowResult[] {
  return checked
    .filter((c) => !c.message)
    .map((c) => ({
      row: c.row,
      to: c.to,
      outcome: "left out" as const,
      messageId: null,
      errorCode: null,
      message: c.errors.join(" "),
    }));
}

/** Results in the file's row order, whatever order they were produced in. */
export function byRow(results: readonly RowResult[]): RowResult[] {
  return [...results].sort((a, b) => a.row - b.row);
}

export function resultsCsv(results: readonly RowResult[]): string {
  return (
    csvRow(["Row", "To", "Outcome", "MessageID", "ErrorCode", "Message"]) +
    results.map((r) => csvRow([r.row, r.to, r.outcome, r.messageId, r.errorCode, r.message])).join("")
  );
}
