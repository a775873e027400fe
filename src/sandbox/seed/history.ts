// 45 days of outbound history per server, with the outcomes that have already happened by "now".
import { planOutcomes } from "../simulation/outcomes";
import type { Rng } from "../util/rng";
import { DAY } from "../util/time";
import type { ServerStore } from "../world/server-store";
import type { OutboundMessage, TrackLinks } from "../world/types";
import type { World } from "../world/world";
import { broadcastKinds, firstNames, lastNames, mailDomains, transactionalKinds } from "./pools";

export interface Contact {
  email: string;
  name: string;
  first: string;
}

export function makeContacts(rng: Rng, count: number): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  while (out.length < count) {
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const local = rng.weighted([
      [`${first}.${last}`, 4],
      [`${first[0]}${last}`, 3],
      [`${first}${rng.int(1, 99)}`, 2],
    ] as const);
    const email = `${local}@${rng.pick(mailDomains)}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
    if (seen.has(email)) continue;
    seen.add(email);
    out.push({ email, name: `${first} ${last}`, first });
  }
  return out;
}

export interface HistoryProfile {
  product: string;
  domain: string;
  /** Share of messages on the broadcast stream. */
  broadcastShare: number;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
}

/** Builds one history message; bodies stay short to keep 100k messages light. */
function makeMessage(
  rng: Rng,
  store: ServerStore,
  profile: HistoryProfile,
  contact: Contact,
  at: number,
  broadcast: boolean,
): OutboundMessage {
  const kind = broadcast ? rng.pick(broadcastKinds) : rng.pick(transactionalKinds);
  const vars = {
    product: profile.product,
    domain: profile.domain,
    first: contact.first,
    num: String(rng.int(1000, 99999)),
    hex: rng.hex(12),
  };
  const links = kind.links.map((l) => fill(l, vars));
  const subject = fill(kind.subject, vars);
  const trackLinks: TrackLinks = broadcast
    ? "HtmlAndText"
    : rng.weighted([
        ["HtmlOnly", 5],
        ["None", 3],
        ["HtmlAndText", 2],
      ] as const);
  const fromLocal = broadcast ? "news" : kind.tag === "receipt" ? "billing" : "hello";
  return {
    id: rng.uuid(),
    serverId: store.id,
    stream: broadcast ? "broadcast" : "outbound",
    tag: kind.tag,
    from: `"${profile.product}" <${fromLocal}@${profile.domain}>`,
    to: [{ Email: contact.email, Name: contact.name }],
    cc: [],
    bcc: [],
    recipients: [contact.email],
    subject,
    htmlBody: `<html><body><p>Hi ${contact.first},</p><p>${subject}.</p>${links.map((l) => `<p><a href="${l}">${l}</a></p>`).join("")}</body></html>`,
    textBody: `Hi ${contact.first},\n\n${subject}.\n\n${links.join("\n")}`,
    receivedAt: at,
    status: "Sent",
    trackOpens: broadcast || rng.chance(0.8),
    trackLinks,
    metadata: broadcast
      ? { campaign: `${kind.tag}-${vars.num.slice(0, 2)}` }
      : { "user-id": String(rng.int(10_000, 99_999)) },
    attachments:
      kind.tag === "receipt"
        ? [{ Name: `receipt-${vars.num}.pdf`, ContentType: "application/pdf", ContentLength: rng.int(20_000, 90_000) }]
        : [],
    headers: [],
    links,
    events: [],
  };
}

/** Weight of an hour of the day (Eastern-ish): quiet nights, busy working hours. */
const hourWeights = [1, 1, 1, 1, 1, 2, 3, 5, 8, 9, 9, 9, 8, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1];

export function generateHistory(
  world: World,
  store: ServerStore,
  rng: Rng,
  profile: HistoryProfile,
  contacts: Contact[],
  count: number,
  now: number,
): void {
  const start = now - 45 * DAY;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(rng.next() * 45);
    const weekday = new Date(start + day * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.45)) {
      i--; // weekends are quieter: re-draw some of them
      continue;
    }
    const hour = rng.weighted(hourWeights.map((w, h) => [h, w] as const));
    const t = Math.floor(start + day * DAY + (hour + 5) * 3_600_000 + rng.next() * 3_600_000);
    times.push(Math.min(t, now - 1_000));
  }
  times.sort((a, b) => a - b);
  store.bulkLoading = true;
  for (const at of times) {
    const broadcast = rng.chance(profile.broadcastShare);
    let contact = rng.pick(contacts);
    const stream = broadcast ? "broadcast" : "outbound";
    for (let tries = 0; tries < 4 && store.isSuppressed(stream, contact.email); tries++) contact = rng.pick(contacts);
    if (store.isSuppressed(stream, contact.email)) continue;
    const m = makeMessage(rng, store, profile, contact, at, broadcast);
    store.addMessage(m);
    for (const step of planOutcomes(world, store, m, rng, false)) {
      const when = at + step.delay;
      if (when <= now) step.apply(Math.floor(when));
    }
  }
  store.finishLoading();
}
