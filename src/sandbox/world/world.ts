import { Rng } from "../util/rng";
import { formatEasternShort } from "../util/time";
import { ServerStore } from "./server-store";
import type { Domain, MessageStream, Sender, ServerConfig } from "./types";

/** Where live events go (webhooks); seeding runs without one. */
export interface EventSink {
  emit(store: ServerStore, kind: EventKind, stream: string, payload: Record<string, unknown>): void;
}
export type EventKind =
  "Bounce" | "SpamComplaint" | "Delivery" | "Open" | "Click" | "SubscriptionChange" | "Inbound" | "SMTPApiError";

export interface WorldOptions {
  seed: string;
  accountToken: string;
  now?: number;
}

/** The whole sandboxed account: servers with their data, and the account-level entities. */
export class World {
  readonly seed: string;
  readonly accountToken: string;
  readonly servers = new Map<number, ServerStore>();
  readonly tokens = new Map<string, ServerStore>();
  readonly domains = new Map<number, Domain>();
  readonly senders = new Map<number, Sender>();
  readonly dataRemovals = new Map<
    number,
    { ID: number; Status: "Pending" | "Done"; RequestedFor: string; createdAt: number }
  >();
  /** Used for ids and tokens so a seed always gives the same ones. */
  readonly rng: Rng;
  sink: EventSink | null = null;
  private fixedNow: number | undefined;
  private counters = { bounce: 0, template: 0, webhook: 0, rule: 0, domain: 0, sender: 0, dataRemoval: 0 };
  /** Server ids are spread out like Postmark's, which allocates them across every account (so 1, 2, 3 are someone else's). */
  private readonly serverIds: Rng;
  private lastServerId = 0;

  constructor(options: WorldOptions) {
    this.seed = options.seed;
    this.accountToken = options.accountToken;
    this.fixedNow = options.now;
    this.rng = new Rng(`${options.seed}:ids`);
    this.serverIds = new Rng(`${options.seed}:server-ids`);
    this.counters = {
      bounce: 692_560_000,
      template: 36_000,
      webhook: 1_234_000,
      rule: 10,
      domain: 64_000,
      sender: 723_000,
      dataRemoval: 1_200,
    };
  }

  now(): number {
    return this.fixedNow ?? Date.now();
  }

  /** Seeding pins the clock to its start; afterwards time runs. */
  releaseClock(): void {
    this.fixedNow = undefined;
  }

  nextId(kind: keyof World["counters"]): number {
    return ++this.counters[kind];
  }

  /** The next server id: the first lands between 11 and 13 million, each next one a seeded gap further on. */
  nextServerId(): number {
    this.lastServerId =
      this.lastServerId === 0
        ? this.serverIds.int(11_000_000, 13_000_000)
        : this.lastServerId + this.serverIds.int(500, 90_000);
    return this.lastServerId;
  }

  serverByToken(token: string): ServerStore | undefined {
    return this.tokens.get(token);
  }

  createServer(fields: Partial<ServerConfig> & { Name: string }, createdAt = this.now()): ServerStore {
    const id = this.nextServerId();
    const token = this.rng.uuid();
    const hash = this.rng.hex(32);
    const config: ServerConfig = {
      ID: id,
      ApiTokens: [token],
      Color: "purple",
      SmtpApiActivated: true,
      RawEmailEnabled: false,
      DeliveryType: "Live",
      ServerLink: `https://postmarkapp.com/servers/${id}/streams`,
      InboundAddress: `${hash}@inbound.postmarkapp.com`,
      InboundHookUrl: "",
      BounceHookUrl: "",
      OpenHookUrl: "",
      DeliveryHookUrl: "",
      ClickHookUrl: "",
      PostFirstOpenOnly: false,
      InboundDomain: "",
      InboundHash: hash,
      InboundSpamThreshold: 5,
      TrackOpens: false,
      TrackLinks: "None",
      IncludeBounceContentInHook: true,
      EnableSmtpApiErrorHooks: false,
      ...fields,
      Name: fields.Name,
    };
    config.ID = id;
    config.ApiTokens = [token];
    const store = new ServerStore(config);
    const created = formatEasternShort(createdAt);
    const stream = (
      ID: string,
      Name: string,
      Type: MessageStream["MessageStreamType"],
      Description: string | null,
    ): MessageStream => ({
      ID,
      ServerID: id,
      Name,
      Description,
      MessageStreamType: Type,
      CreatedAt: created,
      UpdatedAt: null,
      ArchivedAt: null,
      ExpectedPurgeDate: null,
      SubscriptionManagementConfiguration: { UnsubscribeHandlingType: Type === "Broadcasts" ? "Postmark" : "None" },
    });
    store.streams.set(
      "outbound",
      stream("outbound", "Default Transactional Stream", "Transactional", "Default transactional stream"),
    );
    store.streams.set("inbound", stream("inbound", "Default Inbound Stream", "Inbound", "Default inbound stream"));
    store.streams.set(
      "broadcast",
      stream("broadcast", "Default Broadcast Stream", "Broadcasts", "Default broadcast stream"),
    );
    this.servers.set(id, store);
    this.tokens.set(token, store);
    return store;
  }

  deleteServer(id: number): boolean {
    const store = this.servers.get(id);
    if (!store) return false;
    for (const t of store.config.ApiTokens) this.tokens.delete(t);
    this.servers.delete(id);
    return true;
  }
}
