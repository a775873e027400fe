import type { ConnectionStatus, SaveConnectionRequest } from "../../contract/api/settings";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { SecretBox } from "../crypto/secret-box";
import { ApiFailure } from "../errors";
import type { Logger } from "../logger";
import type { Connection, SavedTokens, TokenInfo } from "../proxy/connection";
import { callUpstream } from "../proxy/upstream";
import type { Store } from "../store/index";

const KEYS = { accountToken: "postmark.accountToken", serverToken: "postmark.serverToken" } as const;

export interface Actor {
  id: number;
  username: string;
}

/** The Postmark connection an admin saves in Settings: checked, encrypted, applied without restart. */
export function createConnectionSettings(deps: {
  config: Config;
  store: Store;
  box: SecretBox;
  connection: Connection;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}) {
  const { config, store, box, connection, logger } = deps;
  const now = () => new Date(deps.clock()).toISOString();

  async function readSecret(key: string): Promise<string | null> {
    const sealed = await store.settings.get(key);
    if (sealed === null) return null;
    try {
      return box.open(sealed, key);
    } catch {
      // A changed MAILROOM_SECRET or key file: say so, carry on as if nothing was saved.
      logger.warn("a saved Postmark token could not be decrypted; save it again in Settings", { key });
      return null;
    }
  }

  async function check(kind: "account" | "server", token: string) {
    const res = await callUpstream({
      baseUrl: config.postmark.apiUrl,
      method: "GET",
      ...(kind === "account"
        ? { path: "/servers", query: "count=1&offset=0", tokenHeader: "X-Postmark-Account-Token" as const }
        : { path: "/server", tokenHeader: "X-Postmark-Server-Token" as const }),
      token,
      timeoutMs: config.postmark.timeoutMs,
      fetch: deps.fetch,
    });
    if (res.status === 200) return;
    let pm: { ErrorCode?: number; Message?: string } = {};
    try {
      pm = JSON.parse(res.text) as typeof pm;
    } catch {
      // Not JSON; report the status only.
    }
    const what = kind === "account" ? "account token" : "server token";
    throw new ApiFailure(
      400,
      "validation_failed",
      `Postmark refused the ${what}: ${pm.Message ?? `HTTP ${res.status}`}${pm.ErrorCode !== undefined ? ` (ErrorCode ${pm.ErrorCode})` : ""}. Nothing was saved.`,
      {
        field: kind === "account" ? "accountToken" : "serverToken",
        status: res.status,
        ErrorCode: pm.ErrorCode ?? null,
        Message: pm.Message ?? null,
      },
    );
  }

  const describe = (t: TokenInfo | null) => ({
    source: t?.source ?? ("none" as const),
    // Env and sandbox tokens are not secrets to hide from their owner's UI, but keep one rule: a hint only.
    hint: t ? t.value.slice(-4) : null,
  });

  return {
    async loadSaved(): Promise<SavedTokens> {
      return { accountToken: await readSecret(KEYS.accountToken), serverToken: await readSecret(KEYS.serverToken) };
    },

    async status(): Promise<ConnectionStatus> {
      const conn = await connection.current();
      return {
        mode: conn.mode,
        upstream: safeOrigin(conn.upstream),
        accountToken: describe(conn.accountToken),
        serverToken: describe(conn.serverToken),
        defaultServerId: await connection.defaultServerId(),
      };
    },

    async save(req: SaveConnectionRequest, actor: Actor): Promise<ConnectionStatus> {
      if (req.accountToken && config.postmark.accountToken) {
        throw new ApiFailure(
          409,
          "conflict",
          "POSTMARK_ACCOUNT_TOKEN is set in the environment and takes precedence; change it there.",
        );
      }
      if (req.serverToken && config.postmark.serverToken) {
        throw new ApiFailure(
          409,
          "conflict",
          "POSTMARK_SERVER_TOKEN is set in the environment and takes precedence; change it there.",
        );
      }
      if (req.accountToken) await check("account", req.accountToken);
      if (req.serverToken) await check("server", req.serverToken);
      const at = now();
      for (const kind of ["accountToken", "serverToken"] as const) {
        const value = req[kind];
        if (value) await store.settings.set(KEYS[kind], box.seal(value, KEYS[kind]), at, actor.id);
      }
      const saved = [req.accountToken && "account token", req.serverToken && "server token"]
        .filter(Boolean)
        .join(" and ");
      await store.audit.record(
        {
          actor,
          action: "settings.connection.save",
          target: "settings:connection",
          detail: `saved ${saved}`,
          details: { accountToken: !!req.accountToken, serverToken: !!req.serverToken },
        },
        at,
      );
      await connection.reload();
      return this.status();
    },

    async forget(actor: Actor): Promise<ConnectionStatus> {
      await store.settings.remove(KEYS.accountToken, KEYS.serverToken);
      await store.audit.record({ actor, action: "settings.connection.forget", target: "settings:connection" }, now());
      await connection.reload();
      return this.status();
    },
  };
}
export type ConnectionSettings = ReturnType<typeof createConnectionSettings>;

/** The upstream's origin only, so a URL with credentials in it is never shown. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid URL";
  }
}
