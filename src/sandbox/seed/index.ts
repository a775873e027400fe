import { Rng } from "../util/rng";
import { DAY } from "../util/time";
import { suppress } from "../world/recorders";
import { World } from "../world/world";
import { seedAccount } from "./account";
import { generateHistory, makeContacts } from "./history";
import { generateInbound } from "./inbound";
import { serverBlueprints } from "./pools";
import { seedTemplates } from "./templates";

export interface SeedOptions {
  seed: string;
  accountToken: string;
  /** Outbound messages across all servers (default 15,000). */
  historyMessages?: number;
  now?: number;
}

const shares = [0.5, 0.12, 0.38];
const broadcastShares = [0.1, 0.05, 0.85];

/** A deterministic account: the same seed gives the same servers, tokens, ids and history. */
export function seedWorld(options: SeedOptions): World {
  const now = options.now ?? Date.now();
  const world = new World({ seed: options.seed, accountToken: options.accountToken, now });
  const rng = new Rng(options.seed);
  const total = options.historyMessages ?? 15_000;
  seedAccount(world, rng, now);

  serverBlueprints.forEach((bp, i) => {
    const store = world.createServer(
      { Name: bp.name, Color: bp.color, TrackOpens: true, TrackLinks: "HtmlOnly" },
      now - 400 * DAY,
    );
    if (i === 0) {
      store.config.InboundHookUrl = "https://hooks.example.com/postmark/inbound";
      store.config.InboundDomain = "";
    }
    for (const t of seedTemplates(store.id, () => world.nextId("template"))) store.templates.set(t.TemplateId, t);
    const contacts = makeContacts(new Rng(`${options.seed}:contacts:${i}`), i === 2 ? 2500 : 1200);

    // Suppressions a customer and an admin made by hand, and unsubscribes from broadcasts.
    for (let k = 0; k < 6; k++)
      suppress(
        world,
        store,
        "outbound",
        rng.pick(contacts).email,
        "ManualSuppression",
        "Customer",
        now - rng.int(2, 40) * DAY,
      );
    suppress(
      world,
      store,
      "outbound",
      rng.pick(contacts).email,
      "ManualSuppression",
      "Admin",
      now - rng.int(2, 40) * DAY,
    );
    for (let k = 0; k < 10; k++)
      suppress(
        world,
        store,
        "broadcast",
        rng.pick(contacts).email,
        "ManualSuppression",
        "Recipient",
        now - rng.int(2, 40) * DAY,
      );

    const rules =
      i === 0
        ? ["promo@spammy-deals.biz", "spammy-deals.biz", "noreply@coldoutreach.io"]
        : i === 2
          ? ["unsubscribe-bot@mailer.xyz"]
          : [];
    for (const rule of rules) {
      const id = world.nextId("rule");
      store.inboundRules.set(id, { ID: id, Rule: rule });
    }
    generateHistory(
      world,
      store,
      rng,
      { product: bp.product, domain: bp.domain, broadcastShare: broadcastShares[i]! },
      contacts,
      Math.round(total * shares[i]!),
      now,
    );
    generateInbound(
      rng,
      store,
      contacts,
      i === 1 ? 20 : 80,
      now,
      rules.filter((r) => r.includes("@")),
    );

    const webhookUrl =
      i === 2 ? "https://hooks.example.com/harbor/postmark" : "https://hooks.example.com/postmark/events";
    const id = world.nextId("webhook");
    store.webhooks.set(id, {
      ID: id,
      Url: webhookUrl,
      MessageStream: i === 2 ? "broadcast" : "outbound",
      HttpAuth: { Username: "postmark", Password: rng.hex(16) },
      HttpHeaders: [{ Name: "X-Source", Value: "postmark-sandbox" }],
      Triggers: {
        Open: { Enabled: true, PostFirstOpenOnly: i === 2 },
        Click: { Enabled: true },
        Delivery: { Enabled: i !== 2 },
        // Broadcast streams carry no bounce or spam-complaint hooks.
        Bounce: { Enabled: i !== 2, IncludeContent: false },
        SpamComplaint: { Enabled: i !== 2, IncludeContent: false },
        SubscriptionChange: { Enabled: true },
      },
    });
  });
  for (let k = 0; k < 2; k++) {
    const id = world.nextId("dataRemoval");
    world.dataRemovals.set(id, {
      ID: id,
      Status: "Done",
      RequestedFor: `former.customer${k}@example.org`,
      createdAt: now - (10 + k) * DAY,
    });
  }
  if (options.now === undefined) world.releaseClock();
  return world;
}
