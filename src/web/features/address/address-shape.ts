// What an address's suppressions and bounces mean, and what to do about them. Pure, tested.
import { bounceVerdict, type BounceLine } from "@/contract/bounce-verdict";

export type { BounceLine };

export interface SuppressionLine {
  EmailAddress: string | null;
  SuppressionReason: string | null;
  Origin: string | null;
  CreatedAt: string | null;
}

export type Cause = "hard-bounce" | "spam-complaint" | "unsubscribe" | "manual";

export interface StreamState {
  stream: string;
  cause: Cause;
  /** In words: "Hard bounce", "Spam complaint"… */
  why: string;
  since: string | null;
  origin: string | null;
  /** The bounce to reactivate, when Postmark allows it. */
  reactivateBounceId: number | null;
  /** Whether removing the suppression is allowed (Postmark never lifts spam complaints). */
  removable: boolean;
  advice: string;
}

const causeWords: Record<Cause, string> = {
  "hard-bounce": "Hard bounce",
  "spam-complaint": "Spam complaint",
  unsubscribe: "Unsubscribed",
  manual: "Suppressed by hand",
};

export function causeOf(s: SuppressionLine): Cause {
  if (s.SuppressionReason === "HardBounce") return "hard-bounce";
  if (s.SuppressionReason === "SpamComplaint") return "spam-complaint";
  return s.Origin === "Recipient" ? "unsubscribe" : "manual";
}

function advice(cause: Cause, origin: string | null, canReactivate: boolean): string {
  switch (cause) {
    case "hard-bounce":
      return canReactivate
        ? "The receiving server refused this address. If the mailbox works again (a typo fixed, a full mailbox emptied), reactivate it; Postmark deactivates it again if it still bounces."
        : "The receiving server refused this address. Check the last bounce's SMTP dump; remove the suppression only once the mailbox works again.";
    case "spam-complaint":
      return "The recipient marked a message as spam. Postmark never reactivates these; the recipient can ask Postmark's support to be reactivated, or use another address.";
    case "unsubscribe":
      return "The recipient unsubscribed (list-unsubscribe or the link in a broadcast). Remove the suppression only if they asked to receive this mail again.";
    case "manual":
      return `Someone suppressed it by hand (origin ${origin ?? "unknown"}). Remove the suppression to send to it again.`;
  }
}

/** One line per stream where the address is suppressed, newest bounce of that stream joined in. */
export function streamStates(
  address: string,
  suppressions: { stream: string; rows: SuppressionLine[] }[],
  bounces: BounceLine[],
): StreamState[] {
  const a = address.trim().toLowerCase();
  const mine = bounces.filter((b) => b.Email?.toLowerCase() === a);
  const out: StreamState[] = [];
  for (const { stream, rows } of suppressions) {
    const row = rows.find((r) => r.EmailAddress?.toLowerCase() === a);
    if (!row) continue;
    const cause = causeOf(row);
    // The same rule as the bulk dry run: the newest bounce Postmark allows reactivating, if any.
    const onStream = mine.filter((b) => (b.MessageStream ?? "") === stream);
    const verdict = onStream.length ? bounceVerdict(onStream) : null;
    const reactivateBounceId =
      cause !== "spam-complaint" && verdict?.verdict === "reactivatable" ? verdict.pick.ID : null;
    out.push({
      stream,
      cause,
      why: causeWords[cause],
      since: row.CreatedAt,
      origin: row.Origin,
      reactivateBounceId,
      removable: cause !== "spam-complaint",
      advice: advice(cause, row.Origin, reactivateBounceId !== null),
    });
  }
  return out;
}

/** The headline: suppressed somewhere, bounced but active, or clean. */
export function addressHeadline(
  states: StreamState[],
  bounces: BounceLine[],
  address: string,
): { tone: "bad" | "warn" | "good"; text: string } {
  if (states.length)
    return {
      tone: "bad",
      text: `Suppressed on ${states.map((s) => s.stream).join(", ")}: Postmark does not send to it there.`,
    };
  const a = address.trim().toLowerCase();
  if (bounces.some((b) => b.Email?.toLowerCase() === a))
    return { tone: "warn", text: "Not suppressed, but it has bounced recently: look at the bounces below." };
  return {
    tone: "good",
    text: "Not suppressed and no recent bounces: Postmark sends to it. If mail still does not arrive, look at the messages' statuses below.",
  };
}
