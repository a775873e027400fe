import type { EventKind, FeedEvent } from "@/contract/api/events";

export interface RowSummary {
  kind: EventKind;
  /** The address that matters: the recipient, or the sender of inbound mail. */
  who: string | null;
  whoLabel: "to" | "from";
  /** Subject, or the clicked link, or what happened when there is neither. */
  headline: string;
  /** The key detail: bounce type, client, delivery answer, suppression reason… */
  detail: string | null;
  /** Shown with a warning icon: unrecognised shape, or why the body was not accepted. */
  warning: string | null;
  test: boolean;
}

const fallback: Record<EventKind, string> = {
  bounce: "Bounced",
  "smtp-api-error": "Rejected at submission",
  "spam-complaint": "Marked as spam",
  "subscription-change": "Subscription changed",
  delivery: "Delivered",
  open: "Opened",
  click: "Clicked a link",
  inbound: "(no subject)",
  unrecognised: "Unrecognised event",
};

/** What a feed row shows at a glance; pure, so the wording is tested. */
export function summariseRow(e: Pick<FeedEvent, "trigger" | "summary" | "flags">): RowSummary {
  const kind: EventKind = e.trigger ?? "unrecognised";
  const s = e.summary;
  const inbound = kind === "inbound";
  const who = inbound ? (s.sender ?? s.recipient) : (s.recipient ?? s.sender);
  let headline = s.subject ?? fallback[kind];
  let detail = s.detail;
  // A click's link is the story; the subject is not in the payload.
  if (kind === "click" && s.detail) {
    headline = s.detail;
    detail = null;
  }
  let warning: string | null = null;
  if (e.flags.unrecognised || kind === "unrecognised") {
    warning = e.flags.problem
      ? `Not recognised: ${e.flags.problem}`
      : "Not recognised: no known trigger has this shape.";
  } else if (e.flags.problem) warning = e.flags.problem;
  return { kind, who, whoLabel: inbound && s.sender ? "from" : "to", headline, detail, warning, test: e.flags.test };
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago"; older than a week: the date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.floor(h / 24);
  if (d < 7) return `${d} d ago`;
  return new Date(t).toLocaleDateString();
}

/** Links the detail panel offers: which explorer operation shows the message, and the bounce id. */
export function eventLinks(e: Pick<FeedEvent, "trigger" | "summary" | "payload">): {
  messageOp: "messages.outboundDetails" | "messages.inboundDetails" | null;
  messageId: string | null;
  bounceId: number | null;
} {
  const messageId = e.summary.messageId;
  const p = (e.payload && typeof e.payload === "object" ? e.payload : {}) as Record<string, unknown>;
  const bounceKinds = ["bounce", "smtp-api-error", "spam-complaint"];
  const bounceId = e.trigger && bounceKinds.includes(e.trigger) && typeof p.ID === "number" ? p.ID : null;
  const messageOp = !messageId
    ? null
    : e.trigger === "inbound"
      ? "messages.inboundDetails"
      : e.trigger
        ? "messages.outboundDetails"
        : null;
  return { messageOp, messageId, bounceId };
}
