import type { EventSummary } from "../../contract/api/events";
import type { WorkflowTriggerId } from "../../contract/workflows/trigger-ids";

type Payload = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const clip = (v: string | null, max = 1000) => (v !== null && v.length > max ? `${v.slice(0, max)}…` : v);
const firstEmail = (v: unknown): string | null =>
  Array.isArray(v) && v.length ? str((v[0] as { Email?: unknown } | null)?.Email) : null;

/** The fields a feed row shows and filters search, from a payload of a known (or unknown) shape. */
export function summarise(trigger: WorkflowTriggerId | null, body: unknown): EventSummary {
  const p: Payload = body && typeof body === "object" && !Array.isArray(body) ? (body as Payload) : {};
  const base = {
    tag: str(p.Tag),
    messageId: str(p.MessageID),
    messageStream: str(p.MessageStream),
  };
  let recipient: string | null = null;
  let sender: string | null = null;
  let subject: string | null = null;
  let detail: string | null = null;
  switch (trigger) {
    case "bounce":
    case "smtp-api-error":
    case "spam-complaint":
      recipient = str(p.Email);
      sender = str(p.From);
      subject = str(p.Subject);
      detail = [str(p.Name) ?? str(p.Type), str(p.Description)].filter(Boolean).join(": ") || null;
      break;
    case "click":
      recipient = str(p.Recipient);
      detail = str(p.OriginalLink);
      break;
    case "open":
      recipient = str(p.Recipient);
      detail = str((p.Client as Payload | undefined)?.Name) ?? str(p.Platform);
      break;
    case "delivery":
      recipient = str(p.Recipient);
      detail = str(p.Details);
      break;
    case "subscription-change":
      recipient = str(p.Recipient);
      detail =
        p.SuppressSending === true
          ? `Suppressed${str(p.SuppressionReason) ? ` (${str(p.SuppressionReason)})` : ""}`
          : "Reactivated";
      break;
    case "inbound": {
      sender = str((p.FromFull as Payload | undefined)?.Email) ?? str(p.From);
      recipient = str(p.OriginalRecipient) ?? firstEmail(p.ToFull) ?? str(p.To);
      subject = str(p.Subject);
      const files = Array.isArray(p.Attachments) ? p.Attachments.length : 0;
      detail = files ? `${files} attachment${files === 1 ? "" : "s"}` : null;
      break;
    }
    case "alert":
      subject = str(p.RuleName);
      detail = str(p.Summary);
      break;
    default:
      recipient = str(p.Recipient) ?? str(p.Email);
      subject = str(p.Subject);
      detail = str(p.RecordType);
  }
  return {
    recipient: clip(recipient, 320),
    sender: clip(sender, 320),
    subject: clip(subject),
    detail: clip(detail),
    tag: clip(base.tag),
    messageId: clip(base.messageId, 200),
    messageStream: clip(base.messageStream, 100),
  };
}

/** When the event happened by the payload's own clock (part of the fallback dedupe key). */
export function eventTime(body: Payload): string | null {
  return str(body.BouncedAt) ?? str(body.ReceivedAt) ?? str(body.DeliveredAt) ?? str(body.ChangedAt) ?? str(body.Date);
}
