import { z } from "zod";
import { suppressionsCreate } from "@/contract/postmark/suppressions";
import type { ParamsOf, QueryOf } from "@/contract/postmark";
import { dateBounds } from "@/web/lib/paging";
import type { SuppressionsSearch } from "./suppressions-search";

/** Postmark takes at most 50 addresses per add or remove request. */
export const MAX_PER_REQUEST = 50;

/** The `suppressions.dump` query for the URL's filters (Postmark matches the names case-insensitively). */
export function dumpInput(
  streamId: string,
  s: SuppressionsSearch,
): { params: ParamsOf<"suppressions.dump">; query: QueryOf<"suppressions.dump"> } {
  const query: QueryOf<"suppressions.dump"> = { ...dateBounds(s.from, s.to) };
  if (s.reason) query.SuppressionReason = s.reason;
  if (s.origin) query.Origin = s.origin;
  // Postmark matches EmailAddress exactly; the page filters partially itself (see matchesEmail).
  return { params: { streamId }, query };
}

export function hasSuppressionFilters(s: SuppressionsSearch): boolean {
  return Boolean(s.reason || s.origin || s.email || s.from || s.to);
}

const email = z.email();

export type ParsedAddresses =
  | { ok: true; body: z.infer<NonNullable<typeof suppressionsCreate.body>>; addresses: string[]; invalid: string[] }
  | { ok: false; error: string };

/**
 * Addresses typed or pasted (commas, spaces or lines), deduplicated, checked and shaped with the
 * operation's body schema. Invalid ones are set aside (and reported per address) so that the
 * valid ones still go through.
 */
export function parseAddresses(text: string): ParsedAddresses {
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const a = part.trim();
    if (!a || seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    addresses.push(a);
  }
  if (addresses.length === 0) return { ok: false, error: "Enter at least one address." };
  if (addresses.length > MAX_PER_REQUEST)
    return {
      ok: false,
      error: `Postmark takes at most ${MAX_PER_REQUEST} addresses at a time; you entered ${addresses.length}.`,
    };
  const invalid = addresses.filter((a) => !email.safeParse(a).success);
  const valid = addresses.filter((a) => !invalid.includes(a));
  if (!valid.length)
    return {
      ok: false,
      error: `Not an email address: ${invalid.slice(0, 5).join(", ")}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ""}.`,
    };
  const body = suppressionsCreate.body!.safeParse({ Suppressions: valid.map((EmailAddress) => ({ EmailAddress })) });
  if (!body.success) return { ok: false, error: body.error.issues[0]?.message ?? "Invalid request." };
  return { ok: true, body: body.data, addresses: valid, invalid };
}

/** Spam complaints cannot be lifted by the customer; everything else can. */
export function isRemovable(row: { SuppressionReason: string | null }): boolean {
  return row.SuppressionReason !== "SpamComplaint";
}

export interface ItemResult {
  EmailAddress: string | null;
  Status: string | null;
  Message: string | null;
}

/** Per-item results as counts plus the failures, so a partial success reads as one. */
export function summariseResults(results: ItemResult[]): { succeeded: number; failed: ItemResult[] } {
  const failed = results.filter((r) => r.Status === "Failed");
  return { succeeded: results.length - failed.length, failed };
}

/** The email filter matches partially and ignores case (Postmark's own filter is exact). */
export const matchesEmail = (row: { EmailAddress: string | null }, text: string | undefined) =>
  !text || (row.EmailAddress ?? "").toLowerCase().includes(text.trim().toLowerCase());

/** Per-address results of an add: Postmark's, then the addresses set aside as invalid. */
export function withInvalid(results: ItemResult[], invalid: string[]): ItemResult[] {
  return [
    ...results,
    ...invalid.map((EmailAddress) => ({
      EmailAddress,
      Status: "Failed",
      Message: "Not an email address, so it was not sent to Postmark.",
    })),
  ];
}

export interface RemovalVerdict {
  email: string;
  removable: boolean;
  why: string;
}

const removalWhy: Record<string, string> = {
  HardBounce: "Hard bounce: removing it reactivates the address.",
  ManualSuppression: "Manual suppression (by you or an unsubscribe): can be lifted.",
  SpamComplaint: "Spam complaint: Postmark refuses to lift these, to protect your sending reputation.",
};

/**
 * The dry run of a bulk removal: per address (case-insensitively once), whether Postmark will
 * lift it and why. Read from the suppression list the page shows, so nothing is changed yet.
 */
export function removalPlan(rows: readonly { EmailAddress: string | null; SuppressionReason: string | null }[]): {
  verdicts: RemovalVerdict[];
  removable: string[];
} {
  const seen = new Set<string>();
  const verdicts: RemovalVerdict[] = [];
  for (const r of rows) {
    const email = r.EmailAddress?.trim();
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    verdicts.push({
      email,
      removable: isRemovable(r),
      why:
        removalWhy[r.SuppressionReason ?? ""] ??
        `${r.SuppressionReason ?? "Unknown reason"}: Postmark decides when asked.`,
    });
  }
  return { verdicts, removable: verdicts.filter((v) => v.removable).map((v) => v.email) };
}
