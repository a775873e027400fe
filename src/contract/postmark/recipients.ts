import type { z } from "zod";

// Postmark's recipient rules for one message, checked before a request goes out.
// Source: Postmark's "Send a single email" docs: at most 50 recipients across To, Cc and Bcc
// (ErrorCode 300 otherwise); addresses are comma-separated, optionally as `Name <address>`.

export const MAX_RECIPIENTS = 50;

/** Splits an address list on commas (or semicolons) that are not inside a quoted display name. */
export function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if ((ch === "," || ch === ";") && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const EMAIL_RE = /^[^\s@"<>,;]+@[^\s@"<>,;.]+(\.[^\s@"<>,;.]+)+$/;

/** The bare address of `Name <address>` or of a plain address. */
export function addressOf(entry: string): string {
  const m = /<([^>]*)>\s*$/.exec(entry);
  return (m ? m[1]! : entry).trim();
}

export function isEmailAddress(address: string): boolean {
  return EMAIL_RE.test(address);
}

type Recipients = { To?: unknown; Cc?: unknown; Bcc?: unknown };
const fields = ["To", "Cc", "Bcc"] as const;

const listOf = (v: unknown) => (typeof v === "string" ? splitAddressList(v) : []);

/** How many recipients a message has across To, Cc and Bcc. */
export function recipientCount(m: Recipients): number {
  return fields.reduce((n, f) => n + listOf(m[f]).length, 0);
}

/** The recipient limit as a message; null when within it. */
export function recipientLimitError(m: Recipients): string | null {
  const n = recipientCount(m);
  return n > MAX_RECIPIENTS
    ? `To, Cc and Bcc hold ${n} recipients together; Postmark accepts at most ${MAX_RECIPIENTS} per message. Send a batch (one message each) or a bulk request for more.`
    : null;
}

/** Entries of an address field that are not addresses, as `field: 'entry' is not an email address`. */
export function addressErrors(
  m: Record<string, unknown>,
  names: readonly string[],
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const field of names) {
    const bad = listOf(m[field]).filter((e) => !isEmailAddress(addressOf(e)));
    if (bad.length)
      out.push({
        field,
        message: `${bad.map((b) => `'${b}'`).join(", ")} ${bad.length === 1 ? "is not an email address" : "are not email addresses"}.`,
      });
  }
  return out;
}

/** A zod refinement for one message's body: the 50-recipient limit, reported on To. */
export function refineRecipientLimit(m: Recipients, ctx: z.RefinementCtx): void {
  const error = recipientLimitError(m);
  if (error) ctx.addIssue({ code: "custom", path: ["To"], message: error });
}
