import { sql } from "kysely";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { SecretBox } from "../crypto/secret-box";
import type { Logger } from "../logger";
import type { Store } from "../store/index";
import { createEventBus, type BusListener } from "./bus";
import { createWebhookCredentials } from "./credentials";
import { createEventsRepo, createRefusalsRepo, type EventsRepo } from "./events-repo";
import { createEventFeed } from "./feed";
import { pruneEvents } from "./retention";
import { createEventWriter } from "./writer";

/** The event store's parts: repo, writer (the only inserter), bus, webhook credentials. */
export function createEventsService(deps: {
  config: Config;
  store: Store;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
}) {
  const repo = createEventsRepo(deps.store.db, deps.store.raw);
  const refusals = createRefusalsRepo(deps.store.db);
  const bus = createEventBus(deps.logger);

  /**
   * Every commit durable before the 200: SQLite's FULL sync (the store has one connection, so this
   * covers the events table writes). PostgreSQL commits are durable already.
   */
  async function ensureDurable() {
    if (deps.store.dialect !== "sqlite") return;
    await sql`pragma synchronous = FULL`.execute(deps.store.db);
    const row = (await sql<{ synchronous: number }>`pragma synchronous`.execute(deps.store.db)).rows[0];
    if (Number(row?.synchronous) < 2) throw new Error("SQLite refused synchronous=FULL; events would not be durable");
  }
  let durable: Promise<void> | null = null;
  const durableRepo: EventsRepo = {
    ...repo,
    // Looked up on each call so tests can make the store fail.
    insertMany: async (rows) => {
      durable ??= ensureDurable().catch((e) => {
        durable = null;
        throw e;
      });
      await durable;
      return repo.insertMany(rows);
    },
  };
  const { listen } = deps.store;
  // PostgreSQL: while a live stream is open, the bus carries every instance's events (the feed);
  // the engine hears only this instance's, from the writer.
  const feed = listen
    ? createEventFeed({
        repo,
        bus,
        logger: deps.logger,
        listen,
        schema: async () => (await sql<{ s: string }>`select current_schema() as s`.execute(deps.store.db)).rows[0]!.s,
      })
    : null;
  const own = feed ? createEventBus(deps.logger) : bus;
  const writer = createEventWriter({
    repo: durableRepo,
    bus,
    own: own === bus ? undefined : own,
    logger: deps.logger,
    feed: feed ?? undefined,
  });
  const credentials = createWebhookCredentials(deps);
  return {
    repo,
    refusals,
    bus,
    writer,
    credentials,
    feed,
    /**
     * For a live stream: keeps every instance's events coming on the bus until released (PostgreSQL
     * starts the feed on demand; one instance's writer publishes everything itself).
     */
    holdLive: async (): Promise<() => void> => (feed ? feed.hold() : () => {}),
    /**
     * Subscribes to the events this instance stored (all events: one instance). The workflow engine
     * starts runs for its own events at once; events of an instance that died before doing so are
     * picked up by the "workflows.catch-up" task.
     */
    subscribeOwn: (listener: BusListener) => own.subscribe(listener),
    /** One pruning pass (the periodic runner calls it, once across instances). */
    prune: () => pruneEvents({ repo, refusals, clock: deps.clock, retentionDays: deps.config.events.retentionDays }),
  };
}
export type EventsService = ReturnType<typeof createEventsService>;
