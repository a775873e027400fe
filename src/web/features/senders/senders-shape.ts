import type { z } from "zod";
import { sendersCreate, sendersUpdate, type sendersGet, type sendersList } from "@/contract/postmark/senders";
import { fieldErrors } from "@/web/lib/form-errors";
import type { SendersSearch } from "./senders-search";
import type { AnswerOf } from "@/web/lib/postmark-queries";

export type SenderSummary = AnswerOf<typeof sendersList>["SenderSignatures"][number];
export type SenderDetail = AnswerOf<typeof sendersGet>;

export const SENDERS_PAGE_SIZE = 50;

/** Text matches the address, the name or the reply-to; state matches confirmation. */
export function filterSenders<T extends SenderSummary>(list: readonly T[], s: Pick<SendersSearch, "q" | "state">): T[] {
  const q = s.q?.toLowerCase();
  return list.filter((x) => {
    if (q && ![x.EmailAddress, x.Name, x.ReplyToEmailAddress].some((v) => (v ?? "").toLowerCase().includes(q)))
      return false;
    if (s.state === "confirmed" && !x.Confirmed) return false;
    if (s.state === "unconfirmed" && x.Confirmed) return false;
    return true;
  });
}

export interface SenderFormValues {
  FromEmail: string;
  Name: string;
  ReplyToEmail: string;
  ReturnPathDomain: string;
  ConfirmationPersonalNote: string;
}

export const NOTE_MAX = 400;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function senderFormValues(s?: SenderDetail): SenderFormValues {
  return {
    FromEmail: s?.EmailAddress ?? "",
    Name: s?.Name ?? "",
    ReplyToEmail: s?.ReplyToEmailAddress ?? "",
    ReturnPathDomain: s?.ReturnPathDomain ?? "",
    ConfirmationPersonalNote: s?.ConfirmationPersonalNote ?? "",
  };
}

type Result<B> = { ok: true; body: B } | { ok: false; errors: Record<string, string> };

/**
 * The form as a request body: empty optional fields are left out, then the catalog's body schema
 * (the one the proxy applies) and the limits Postmark states (520 required, 521 note ≤ 400, 522 bad address).
 */
export function senderBody(mode: "create", v: SenderFormValues): Result<z.infer<typeof sendersCreate.body>>;
export function senderBody(mode: "update", v: SenderFormValues): Result<z.infer<typeof sendersUpdate.body>>;
export function senderBody(mode: "create" | "update", v: SenderFormValues): Result<unknown> {
  const t = (s: string) => s.trim() || undefined;
  const raw = {
    ...(mode === "create" ? { FromEmail: v.FromEmail.trim() } : {}),
    Name: v.Name.trim(),
    ReplyToEmail: t(v.ReplyToEmail),
    ReturnPathDomain: t(v.ReturnPathDomain),
    ConfirmationPersonalNote: t(v.ConfirmationPersonalNote),
  };
  const schema = mode === "create" ? sendersCreate.body : sendersUpdate.body;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const errors: Record<string, string> = {};
  if (mode === "create" && !EMAIL.test(raw.FromEmail ?? ""))
    errors.FromEmail = "Enter the address you send from, e.g. hello@example.com";
  if (!raw.Name) errors.Name = "Enter the name recipients see";
  if (raw.ReplyToEmail && !EMAIL.test(raw.ReplyToEmail))
    errors.ReplyToEmail = "Enter an email address, or leave it empty";
  if ((raw.ConfirmationPersonalNote?.length ?? 0) > NOTE_MAX)
    errors.ConfirmationPersonalNote = `At most ${NOTE_MAX} characters`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
