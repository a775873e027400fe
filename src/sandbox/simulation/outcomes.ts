// What happens to a sent message, decided up front as timed steps. History applies the steps that
// lie in the past at once; live simulation schedules them. Same rates either way.
import { bounceMix, clickProfiles, geos, openProfiles, type ClientProfile } from "../seed/pools";
import type { Rng } from "../util/rng";
import { nextOverriddenBounce } from "./bounce-override";
import { recordBounce, recordClick, recordDelivered, recordOpen } from "../world/recorders";
import type { ServerStore } from "../world/server-store";
import type { Geo, OutboundMessage } from "../world/types";
import type { World } from "../world/world";

export interface OutcomeStep {
  /** Milliseconds after the message was received (in world time, before any time scale). */
  delay: number;
  apply: (at: number) => void;
}

const BOUNCE_TEST_DOMAIN = "@bounce-testing.postmarkapp.com";

/** Bounce type a test address or `X-PM-Bounce-Type` header asks for; SpamComplaint cannot be simulated (→ HardBounce). */
export function requestedBounce(m: OutboundMessage, recipient: string): string | null {
  const header = m.headers.find((h) => h.Name.toLowerCase() === "x-pm-bounce-type")?.Value;
  let type: string | null = header ?? null;
  if (!type && recipient.toLowerCase().endsWith(BOUNCE_TEST_DOMAIN)) type = recipient.slice(0, recipient.indexOf("@"));
  if (!type) return null;
  const known = [
    "HardBounce",
    "Transient",
    "Unsubscribe",
    "Subscribe",
    "AutoResponder",
    "AddressChange",
    "DnsError",
    "SpamNotification",
    "OpenRelayTest",
    "Unknown",
    "SoftBounce",
    "VirusNotification",
    "ChallengeVerification",
    "BadEmailAddress",
    "ManuallyDeactivated",
    "Unconfirmed",
    "Blocked",
    "SMTPApiError",
    "DMARCPolicy",
    "TemplateRenderingFailed",
  ];
  const match = known.find((k) => k.toLowerCase() === type!.toLowerCase());
  if (type.toLowerCase() === "spamcomplaint") return "HardBounce";
  return match ?? "HardBounce";
}

function pickProfile(rng: Rng, list: ClientProfile[]): ClientProfile {
  return rng.weighted(list.map((p) => [p, p.weight] as const));
}

function pickGeo(rng: Rng): Geo {
  const { weight: _w, ...g } = rng.weighted(geos.map((x) => [x, x.weight] as const));
  return { ...g, IP: `${g.IP}${rng.int(2, 254)}` };
}

/** Steps for every recipient of a message. `live` shortens engagement delays so a watcher sees them. */
export function planOutcomes(
  world: World,
  store: ServerStore,
  m: OutboundMessage,
  rng: Rng,
  live: boolean,
  randomBounces = true,
): OutcomeStep[] {
  const steps: OutcomeStep[] = [];
  const openMean = live ? 45_000 : 3 * 3_600_000;
  const broadcast = store.streams.get(m.stream)?.MessageStreamType === "Broadcasts";
  for (const recipient of m.recipients) {
    const deliverDelay = rng.int(400, live ? 3_000 : 20_000);
    const forced = requestedBounce(m, recipient);
    if (forced) {
      steps.push({ delay: deliverDelay, apply: (at) => recordBounce(world, store, m, recipient, forced, at) });
      continue;
    }
    // A sandbox admin override (bounce-override.ts) replaces the usual 2.8 % for live sends.
    const overridden = live ? nextOverriddenBounce(store) : null;
    if (overridden) {
      steps.push({ delay: deliverDelay, apply: (at) => recordBounce(world, store, m, recipient, overridden, at) });
      continue;
    }
    // The chance is drawn as before, so turning random bounces off leaves every other outcome alike.
    if (overridden === null && rng.chance(0.028) && randomBounces) {
      const type = rng.weighted(bounceMix);
      steps.push({
        delay: deliverDelay + rng.int(1_000, 60_000),
        apply: (at) => recordBounce(world, store, m, recipient, type, at),
      });
      continue;
    }
    steps.push({ delay: deliverDelay, apply: (at) => recordDelivered(world, store, m, recipient, at) });
    let opened = false;
    if (m.trackOpens && rng.chance(broadcast ? 0.42 : 0.5)) {
      opened = true;
      const profile = pickProfile(rng, openProfiles);
      const geo = pickGeo(rng);
      let delay = deliverDelay + 5_000 + rng.exp(openMean);
      const times = rng.chance(0.22) ? rng.int(2, 3) : 1;
      for (let i = 0; i < times; i++) {
        const readSeconds = rng.chance(0.1) ? 0 : rng.int(2, 95);
        steps.push({
          delay,
          apply: (at) =>
            void recordOpen(world, store, m, {
              recipient,
              receivedAt: at,
              client: profile.client,
              os: profile.os,
              platform: profile.platform,
              userAgent: profile.userAgent,
              geo,
              readSeconds,
            }),
        });
        delay += rng.exp(openMean * 2) + 1_000;
      }
    }
    const clickable = m.trackLinks !== "None" && m.links.length > 0;
    if (clickable && (opened || !m.trackOpens) && rng.chance(opened ? 0.24 : 0.08)) {
      const profile = pickProfile(rng, clickProfiles);
      const geo = pickGeo(rng);
      const clickLocation =
        m.trackLinks === "TextOnly" || (m.trackLinks === "HtmlAndText" && rng.chance(0.12)) ? "Text" : "HTML";
      const count = rng.chance(0.25) ? 2 : 1;
      let delay = deliverDelay + 20_000 + rng.exp(openMean * 1.2);
      for (let i = 0; i < count; i++) {
        const link = rng.pick(m.links);
        steps.push({
          delay,
          apply: (at) =>
            void recordClick(world, store, m, {
              recipient,
              receivedAt: at,
              client: profile.client,
              os: profile.os,
              platform: profile.platform,
              userAgent: profile.userAgent,
              geo,
              originalLink: link,
              clickLocation,
            }),
        });
        delay += rng.exp(openMean / 2) + 2_000;
      }
    }
    if (rng.chance(broadcast ? 0.0025 : 0.0006)) {
      steps.push({
        delay: deliverDelay + rng.exp(openMean * 3) + 60_000,
        apply: (at) => recordBounce(world, store, m, recipient, "SpamComplaint", at),
      });
    }
  }
  return steps.sort((a, b) => a.delay - b.delay);
}
