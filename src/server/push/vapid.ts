import webpush from "web-push";
import type { Clock } from "../clock";
import type { SecretBox } from "../crypto/secret-box";
import type { Store } from "../store/index";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const PUBLIC_KEY = "push.vapid.publicKey";
const PRIVATE_KEY = "push.vapid.privateKey";

/**
 * VAPID keys: generated at first start and kept in settings (the private key encrypted), so
 * browsers' subscriptions stay valid across restarts and instances on one PostgreSQL share them.
 */
export function createVapidKeys(deps: { store: Store; box: SecretBox; clock: Clock }) {
  let loaded: Promise<VapidKeys> | null = null;
  const { db } = deps.store;

  async function read(): Promise<VapidKeys | null> {
    const pub = await deps.store.settings.get(PUBLIC_KEY);
    const priv = await deps.store.settings.get(PRIVATE_KEY);
    return pub && priv ? { publicKey: pub, privateKey: deps.box.open(priv, PRIVATE_KEY) } : null;
  }

  async function load(): Promise<VapidKeys> {
    const existing = await read();
    if (existing) return existing;
    const fresh = webpush.generateVAPIDKeys();
    const now = new Date(deps.clock()).toISOString();
    // Insert-if-absent as one pair: when two instances race, the first pair wins and both read it.
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto("settings")
        .values({ key: PUBLIC_KEY, value: fresh.publicKey, updated_at: now, updated_by: null })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await trx
        .insertInto("settings")
        .values({
          key: PRIVATE_KEY,
          value: deps.box.seal(fresh.privateKey, PRIVATE_KEY),
          updated_at: now,
          updated_by: null,
        })
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
    });
    const stored = await read();
    if (!stored) throw new Error("VAPID keys could not be stored");
    return stored;
  }

  return {
    get(): Promise<VapidKeys> {
      loaded ??= load().catch((e: unknown) => {
        loaded = null;
        throw e;
      });
      return loaded;
    },
  };
}
export type Vapid = ReturnType<typeof createVapidKeys>;
