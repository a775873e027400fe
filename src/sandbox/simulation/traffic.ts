// Simulated customer traffic: sends and inbound mail through the same paths the API uses.
import { PostmarkError } from "../http/errors";
import type { Sandbox } from "../runtime";
import { acceptMessage } from "../send/accept";
import { makeContacts, type Contact } from "../seed/history";
import { makeInbound } from "../seed/inbound";
import { broadcastKinds, inboundSubjects, serverBlueprints, transactionalKinds } from "../seed/pools";
import { Rng } from "../util/rng";
import type { ServerStore } from "../world/server-store";

const templateModels: Record<string, (c: Contact, product: string, domain: string) => Record<string, unknown>> = {
  welcome: (c, product, domain) => ({
    name: c.first,
    product_name: product,
    action_url: `https://${domain}/getting-started`,
    login_url: `https://${domain}/login`,
    username: c.email,
    sender_name: "Maya",
    trial: { trial_end_date: "in 14 days" },
    company_name: product,
    company_address: "1 Market St, San Francisco",
  }),
  "password-reset": (c, product, domain) => ({
    name: c.first,
    product_name: product,
    action_url: `https://${domain}/reset/abc123`,
    operating_system: "macOS",
    browser_name: "Safari",
    support_url: `https://${domain}/support`,
    company_name: product,
    company_address: "1 Market St, San Francisco",
  }),
};

export function startTraffic(sandbox: Sandbox, eventsPerMinute: number): void {
  if (eventsPerMinute <= 0) return;
  const rng = new Rng(`${sandbox.world.seed}:traffic`);
  const contacts = makeContacts(new Rng(`${sandbox.world.seed}:traffic-contacts`), 600);
  const tick = () => {
    const stores = [...sandbox.world.servers.values()];
    if (stores.length === 0) return;
    const store = rng.weighted(stores.map((s, i) => [s, i === 0 ? 5 : i === 2 ? 3 : 1] as const));
    const bp = serverBlueprints.find((b) => b.name === store.config.Name) ?? serverBlueprints[0];
    try {
      const roll = rng.next();
      if (roll < 0.08) receiveInbound(sandbox, store, rng, contacts);
      else if (roll < 0.2 && store.findTemplate("welcome"))
        sendTemplate(sandbox, store, rng, contacts, bp.product, bp.domain);
      else sendPlain(sandbox, store, rng, contacts, bp.product, bp.domain);
    } catch (e) {
      if (!(e instanceof PostmarkError)) sandbox.log(`traffic error: ${String(e)}`);
    }
  };
  // Real-time cadence: events per wall-clock minute regardless of the time scale.
  const timer = setInterval(tick, 60_000 / eventsPerMinute);
  timer.unref?.();
  stopHooks.set(sandbox, () => clearInterval(timer));
}

const stopHooks = new WeakMap<Sandbox, () => void>();
export function stopTraffic(sandbox: Sandbox): void {
  stopHooks.get(sandbox)?.();
}

function sendPlain(
  sandbox: Sandbox,
  store: ServerStore,
  rng: Rng,
  contacts: Contact[],
  product: string,
  domain: string,
): void {
  const c = rng.pick(contacts);
  const broadcast = rng.chance(0.25);
  const kind = broadcast ? rng.pick(broadcastKinds) : rng.pick(transactionalKinds);
  const link = kind.links[0]
    .replace("{domain}", domain)
    .replace("{hex}", rng.hex(10))
    .replace("{num}", String(rng.int(1000, 9999)));
  // A few sends hit Postmark's bounce-testing addresses so bounces keep flowing.
  const to = rng.chance(0.03)
    ? `${rng.pick(["HardBounce", "SoftBounce", "Transient"])}@bounce-testing.postmarkapp.com`
    : `"${c.name}" <${c.email}>`;
  acceptMessage(
    sandbox,
    store,
    {
      From: `"${product}" <${broadcast ? "news" : "hello"}@${domain}>`,
      To: to,
      Subject: kind.subject
        .replace("{product}", product)
        .replace("{first}", c.first)
        .replace("{num}", String(rng.int(1000, 9999))),
      HtmlBody: `<p>Hi ${c.first},</p><p><a href="${link}">${link}</a></p>`,
      TextBody: `Hi ${c.first},\n\n${link}`,
      Tag: kind.tag,
      MessageStream: broadcast ? "broadcast" : "outbound",
      TrackOpens: true,
      TrackLinks: "HtmlAndText",
      Metadata: { source: "simulated" },
    },
    { testMode: false },
  );
}

function sendTemplate(
  sandbox: Sandbox,
  store: ServerStore,
  rng: Rng,
  contacts: Contact[],
  product: string,
  domain: string,
): void {
  const c = rng.pick(contacts);
  const alias = rng.pick(["welcome", "password-reset"] as const);
  acceptMessage(
    sandbox,
    store,
    {
      From: `"${product}" <hello@${domain}>`,
      To: c.email,
      TemplateAlias: alias,
      TemplateModel: templateModels[alias]!(c, product, domain),
      Tag: alias,
      TrackOpens: true,
      TrackLinks: "HtmlOnly",
    },
    { testMode: false, templated: true },
  );
}

function receiveInbound(sandbox: Sandbox, store: ServerStore, rng: Rng, contacts: Contact[]): void {
  const c = rng.pick(contacts);
  const rules = [...store.inboundRules.values()].map((r) => r.Rule.toLowerCase());
  const domainOf = c.email.split("@")[1]!;
  const blocked = rules.includes(c.email) || rules.includes(domainOf);
  const m = makeInbound(
    rng,
    store,
    c,
    sandbox.world.now(),
    blocked ? "Blocked" : "Queued",
    rng.pick(inboundSubjects),
    blocked ? `Blocked by inbound rule: ${c.email}` : "",
  );
  store.addInbound(m);
  if (!blocked) sandbox.postInbound(store, m);
}
