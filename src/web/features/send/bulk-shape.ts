import { bulkSend, type bulkStatus } from "@/contract/postmark/send";
import type { z } from "zod";
import { fieldErrors } from "@/web/lib/form-errors";
import { formatBytes, jsonBytes } from "./send-limits";
import type { AnswerOf } from "@/web/lib/postmark-queries";

export type BulkBody = z.infer<typeof bulkSend.body>;
export type BulkStatus = AnswerOf<typeof bulkStatus>;

/** Postmark caps a bulk request's payload at 50 MB (no cap on the number of messages). */
export const MAX_BULK_BYTES = 50_000_000;

export interface BulkState {
  From: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
  MessageStream: string;
  Tag: string;
  /** One recipient per line: each becomes its own message. */
  Recipients: string;
}

export const emptyBulk: BulkState = {
  From: "",
  Subject: "",
  HtmlBody: "",
  TextBody: "",
  MessageStream: "",
  Tag: "",
  Recipients: "",
};

export function recipientLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function buildBulkBody(
  s: BulkState,
): { ok: true; body: BulkBody } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const to = recipientLines(s.Recipients);
  if (!s.From.trim()) errors.From = "Who the messages are from.";
  if (!s.MessageStream)
    errors.MessageStream = "Pick a broadcast stream: bulk sending works only on Broadcasts streams.";
  if (to.length === 0) errors.Recipients = "At least one recipient, one per line.";
  if (!s.HtmlBody.trim() && !s.TextBody.trim()) errors.HtmlBody = "Write an HTML body, a text body, or both.";
  const opt = (v: string) => (v.trim() ? v : undefined);
  const candidate = Object.fromEntries(
    Object.entries({
      From: s.From.trim(),
      Subject: opt(s.Subject),
      HtmlBody: opt(s.HtmlBody),
      TextBody: opt(s.TextBody),
      MessageStream: s.MessageStream || undefined,
      Tag: opt(s.Tag)?.trim(),
      Messages: to.map((To) => ({ To })),
    }).filter(([, v]) => v !== undefined),
  );
  const parsed = bulkSend.body.safeParse(candidate);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error), errors);
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  const size = jsonBytes(parsed.data);
  if (size > MAX_BULK_BYTES)
    return {
      ok: false,
      errors: {
        Recipients: `The request is ${formatBytes(size)}; Postmark accepts at most ${formatBytes(MAX_BULK_BYTES)} per bulk request.`,
      },
    };
  return { ok: true, body: parsed.data };
}

/** Postmark's terminal states (the docs say Cancelled; client libraries also name Failed). */
export function isBulkFinished(s: Pick<BulkStatus, "Status"> | undefined): boolean {
  return !!s && ["completed", "cancelled", "failed"].includes((s.Status ?? "").toLowerCase());
}

/** Progress from the counts, since the scale of PercentageCompleted is not documented. */
export function bulkProgress(
  s: Pick<BulkStatus, "TotalMessages" | "ReleasedCount" | "FailedCount" | "Status">,
): number {
  if (isBulkFinished(s)) return 100;
  if (!s.TotalMessages) return 0;
  return Math.min(100, Math.round(((s.ReleasedCount + s.FailedCount) / s.TotalMessages) * 100));
}
