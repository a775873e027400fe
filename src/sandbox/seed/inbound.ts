// Inbound mail history: mostly processed, some blocked by rules or spam score, a few failed hooks.
import type { Rng } from "../util/rng";
import { DAY } from "../util/time";
import type { ServerStore } from "../world/server-store";
import type { InboundMessage, InboundStatus } from "../world/types";
import type { Contact } from "./history";
import { inboundSubjects } from "./pools";

export function makeInbound(
  rng: Rng,
  store: ServerStore,
  contact: Contact,
  at: number,
  status: InboundStatus,
  subject: string,
  blockedReason = "",
): InboundMessage {
  const mailboxHash = rng.chance(0.4) ? `ticket-${rng.int(1000, 9999)}` : "";
  const toEmail = `${store.config.InboundHash}${mailboxHash ? `+${mailboxHash}` : ""}@inbound.postmarkapp.com`;
  const spamScore =
    status === "Blocked" && !blockedReason.startsWith("Blocked by inbound rule")
      ? "7.2"
      : (rng.next() * 2 - 0.5).toFixed(1);
  const body = `Hello,\n\n${subject.replace(/^(Re|Fwd): /, "")} — could you take a look when you get a chance?\n\nThanks,\n${contact.first}`;
  return {
    id: rng.uuid(),
    receivedAt: at,
    status,
    fromEmail: contact.email,
    fromName: contact.name,
    to: { Email: toEmail, Name: "Support", MailboxHash: mailboxHash },
    cc: [],
    replyTo: "",
    subject,
    mailboxHash,
    tag: "",
    textBody: body,
    htmlBody: `<html><body>${body
      .split("\n\n")
      .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
      .join("")}</body></html>`,
    strippedTextReply: body.split("\n\n")[1] ?? "",
    headers: [
      { Name: "X-Spam-Status", Value: Number(spamScore) >= 5 ? "Yes" : "No" },
      { Name: "X-Spam-Score", Value: spamScore },
      { Name: "X-Spam-Tests", Value: "DKIM_SIGNED,DKIM_VALID,SPF_PASS" },
    ],
    attachments: rng.chance(0.15)
      ? [
          {
            Name: "screenshot.png",
            ContentType: "image/png",
            ContentLength: 4096,
            ContentID: "",
            Content: Buffer.from(`sandbox attachment ${rng.hex(8)}`).toString("base64"),
          },
        ]
      : [],
    blockedReason,
  };
}

export function generateInbound(
  rng: Rng,
  store: ServerStore,
  contacts: Contact[],
  count: number,
  now: number,
  blockedSenders: string[],
): void {
  store.bulkLoading = true;
  for (let i = 0; i < count; i++) {
    const at = now - Math.floor(rng.next() * 45 * DAY);
    const roll = rng.next();
    let status: InboundStatus = "Processed";
    let reason = "";
    let contact = rng.pick(contacts);
    if (roll < 0.06 && blockedSenders.length) {
      status = "Blocked";
      const sender = rng.pick(blockedSenders);
      contact = { email: sender, name: "Bulk Sender", first: "Team" };
      reason = `Blocked by inbound rule: ${sender}`;
    } else if (roll < 0.1) {
      status = "Blocked";
      reason = "Spam score exceeded the server's InboundSpamThreshold.";
    } else if (roll < 0.14) status = "Failed";
    store.addInbound(makeInbound(rng, store, contact, at, status, rng.pick(inboundSubjects), reason));
  }
  store.finishLoading();
}
