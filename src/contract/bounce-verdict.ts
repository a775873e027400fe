import type { ReactivationVerdict } from "./api/jobs";

// Whether an address's bounces allow reactivating it, and which bounce to reactivate: one rule
// for the bulk dry run (server) and the address lookup (web). Pure.

/** The fields of a Postmark bounce the verdict reads. */
export interface BounceLine {
  ID: number;
  Email: string | null;
  Type: string | null;
  Name: string | null;
  MessageStream: string | null;
  BouncedAt: string | null;
  Inactive: boolean;
  CanActivate: boolean;
}

/** Newest first; the higher id first at the same time. */
export const newestBounceFirst = (a: BounceLine, b: BounceLine) =>
  (b.BouncedAt ?? "").localeCompare(a.BouncedAt ?? "") || b.ID - a.ID;

/** What groups bounces into one address on one stream (case-insensitively). */
export const bounceGroupKey = (b: BounceLine) =>
  `${(b.MessageStream ?? "").toLowerCase()}|${(b.Email ?? `bounce ${b.ID}`).toLowerCase()}`;

/**
 * The verdict for one address on one stream from its bounces (at least one): reactivatable when
 * any inactive bounce can be activated (the newest such is the one to reactivate), else why not.
 */
export function bounceVerdict(bounces: readonly BounceLine[]): {
  verdict: Exclude<ReactivationVerdict, "unknown">;
  pick: BounceLine;
} {
  const list = [...bounces].sort(newestBounceFirst);
  const pick = list.find((b) => b.Inactive && b.CanActivate) ?? list.find((b) => b.Inactive) ?? list[0]!;
  const verdict =
    pick.Inactive && pick.CanActivate
      ? "reactivatable"
      : pick.Inactive
        ? list.some((b) => b.Inactive && b.Type === "SpamComplaint")
          ? "spam-complaint"
          : "cannot-activate"
        : "active";
  return { verdict, pick };
}
