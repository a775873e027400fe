import crypto from "node:crypto";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { SecretBox } from "../crypto/secret-box";
import type { Logger } from "../logger";
import type { Store } from "../store/index";

/** Header Postmark may send instead of basic auth (a webhook's HttpHeaders): its value is the password. */
export const SECRET_HEADER = "X-Mailroom-Webhook-Secret";

export interface WebhookCreds {
  username: string;
  password: string;
  source: "env" | "generated";
}

const USER_KEY = "webhook.username";
const PASS_KEY = "webhook.password";

const digest = (v: string) => crypto.createHash("sha256").update(v).digest();
const safeEqual = (a: string, b: string) => crypto.timingSafeEqual(digest(a), digest(b));

/**
 * The credentials Postmark must send: WEBHOOK_USERNAME/WEBHOOK_PASSWORD, else generated at first
 * start and kept (the password encrypted) in settings, so they survive restarts and are shared
 * by instances on one PostgreSQL.
 */
export function createWebhookCredentials(deps: {
  config: Config;
  store: Store;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
}) {
  let loaded: Promise<WebhookCreds> | null = null;

  async function load(): Promise<WebhookCreds> {
    const { username, password } = deps.config.webhook;
    if (username && password) return { username, password, source: "env" };
    const read = async () => {
      const u = await deps.store.settings.get(USER_KEY);
      const p = await deps.store.settings.get(PASS_KEY);
      return u && p ? { username: u, password: deps.box.open(p, PASS_KEY), source: "generated" as const } : null;
    };
    const existing = await read();
    if (existing) return existing;
    const now = new Date(deps.clock()).toISOString();
    const fresh = { username: "postmark", password: crypto.randomBytes(24).toString("base64url") };
    // Insert-if-absent as one pair: when instances starting together race, the first pair wins and all read it.
    const stored = await deps.store.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto("settings")
        .values({ key: USER_KEY, value: fresh.username, updated_at: now, updated_by: null })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await trx
        .insertInto("settings")
        .values({ key: PASS_KEY, value: deps.box.seal(fresh.password, PASS_KEY), updated_at: now, updated_by: null })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({ value: deps.box.seal(fresh.password, PASS_KEY), updated_at: now }),
        )
        .execute();
      return true;
    });
    if (stored) deps.logger.info("generated webhook credentials (shown to admins in Settings → Webhooks)");
    const creds = await read();
    if (!creds) throw new Error("webhook credentials could not be stored");
    return creds;
  }

  const get = (): Promise<WebhookCreds> => {
    loaded ??= load().catch((e) => {
      loaded = null;
      throw e;
    });
    return loaded;
  };

  // Postmark sends the same Authorization header with every delivery: once it has been checked in
  // full, later requests compare one digest of it instead of decoding and hashing both parts again.
  // The credentials never change while the process runs (they are loaded once).
  let accepted: Buffer | null = null;

  return {
    get,
    /** Null when the request carries valid credentials, else why not. */
    async refuse(authorization: string | undefined, secretHeader: string | undefined): Promise<string | null> {
      const creds = await get();
      if (secretHeader !== undefined) {
        return safeEqual(secretHeader, creds.password) ? null : `wrong ${SECRET_HEADER} header`;
      }
      if (!authorization) return "no credentials";
      const seen = digest(authorization);
      if (accepted && crypto.timingSafeEqual(seen, accepted)) return null;
      const m = /^Basic\s+([A-Za-z0-9+/=._-]+)\s*$/i.exec(authorization);
      if (!m) return "not basic auth";
      const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) return "malformed basic auth";
      const okUser = safeEqual(decoded.slice(0, colon), creds.username);
      const okPass = safeEqual(decoded.slice(colon + 1), creds.password);
      if (!(okUser && okPass)) return "wrong username or password";
      accepted = seen;
      return null;
    },
  };
}
export type WebhookCredentialsService = ReturnType<typeof createWebhookCredentials>;
