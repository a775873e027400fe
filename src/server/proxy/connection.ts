import type { Logger } from "../logger";
import { ApiFailure } from "../errors";
import { callUpstream } from "./upstream";

export type TokenSource = "env" | "saved" | "sandbox";
export interface TokenInfo {
  value: string;
  source: TokenSource;
}

export interface ConnectionSnapshot {
  mode: "sandbox" | "live";
  upstream: string;
  accountToken: TokenInfo | null;
  serverToken: TokenInfo | null;
}

export interface SandboxHandle {
  url: string;
  accountToken: string;
}

export interface ServerInfo {
  id: number;
  name: string;
  color: string | null;
  /** Kept in memory only, never sent to a browser. */
  token: string | null;
}

export interface SavedTokens {
  accountToken: string | null;
  serverToken: string | null;
}

export interface ConnectionDeps {
  env: { accountToken: string | null; serverToken: string | null; apiUrl: string };
  timeoutMs: number;
  loadSaved: () => Promise<SavedTokens>;
  /** Starts (once) or returns the embedded sandbox; absent when there is none. */
  sandbox?: () => Promise<SandboxHandle>;
  fetch?: typeof fetch;
  logger: Logger;
}

/**
 * Which Postmark Mailroom talks to, with which tokens: environment first, then tokens an admin
 * saved, else the embedded sandbox. Server tokens of an account are discovered and cached.
 */
export function createConnection(deps: ConnectionDeps) {
  let snapshot: Promise<ConnectionSnapshot> | null = null;
  let servers: Promise<ServerInfo[]> | null = null;
  let ownServer: Promise<Omit<ServerInfo, "token"> | null> | null = null;
  const tokensSeen = new Set<string>();

  async function compute(): Promise<ConnectionSnapshot> {
    const saved = await deps.loadSaved();
    const account = deps.env.accountToken
      ? { value: deps.env.accountToken, source: "env" as const }
      : saved.accountToken
        ? { value: saved.accountToken, source: "saved" as const }
        : null;
    const server = deps.env.serverToken
      ? { value: deps.env.serverToken, source: "env" as const }
      : saved.serverToken
        ? { value: saved.serverToken, source: "saved" as const }
        : null;
    if (account || server) {
      for (const t of [account, server]) if (t) tokensSeen.add(t.value);
      return { mode: "live", upstream: deps.env.apiUrl, accountToken: account, serverToken: server };
    }
    if (!deps.sandbox) return { mode: "live", upstream: deps.env.apiUrl, accountToken: null, serverToken: null };
    const sb = await deps.sandbox();
    tokensSeen.add(sb.accountToken);
    return {
      mode: "sandbox",
      upstream: sb.url,
      accountToken: { value: sb.accountToken, source: "sandbox" },
      serverToken: null,
    };
  }

  const current = (): Promise<ConnectionSnapshot> => {
    snapshot ??= compute().catch((e) => {
      snapshot = null;
      throw e;
    });
    return snapshot;
  };

  async function fetchServers(): Promise<ServerInfo[]> {
    const conn = await current();
    if (!conn.accountToken) return [];
    const out: ServerInfo[] = [];
    // Page through, 500 at a time (Postmark's maximum), in case an account has many servers.
    for (let offset = 0; offset < 10_000; offset += 500) {
      const res = await callUpstream({
        baseUrl: conn.upstream,
        method: "GET",
        path: "/servers",
        query: `count=500&offset=${offset}`,
        tokenHeader: "X-Postmark-Account-Token",
        token: conn.accountToken.value,
        timeoutMs: deps.timeoutMs,
        fetch: deps.fetch,
      });
      if (res.status !== 200) throw upstreamRefusal(res, "list the account's servers");
      const body = JSON.parse(res.text) as {
        TotalCount?: number;
        Servers?: { ID: number; Name: string; Color?: string | null; ApiTokens?: string[] }[];
      };
      for (const s of body.Servers ?? []) {
        const token = s.ApiTokens?.[0] ?? null;
        if (token) tokensSeen.add(token);
        out.push({ id: s.ID, name: s.Name, color: s.Color ?? null, token });
      }
      if (!body.Servers?.length || out.length >= (body.TotalCount ?? 0)) break;
    }
    return out;
  }

  const listServers = (): Promise<ServerInfo[]> => {
    servers ??= fetchServers().catch((e) => {
      servers = null;
      throw e;
    });
    return servers;
  };

  /** The server the configured server token belongs to (GET /server), cached. */
  const serverTokenServer = (): Promise<Omit<ServerInfo, "token"> | null> => {
    ownServer ??= (async () => {
      const conn = await current();
      if (!conn.serverToken) return null;
      const res = await callUpstream({
        baseUrl: conn.upstream,
        method: "GET",
        path: "/server",
        tokenHeader: "X-Postmark-Server-Token",
        token: conn.serverToken.value,
        timeoutMs: deps.timeoutMs,
        fetch: deps.fetch,
      });
      if (res.status !== 200) throw upstreamRefusal(res, "read the configured server");
      const body = JSON.parse(res.text) as { ID: number; Name: string; Color?: string | null; ApiTokens?: string[] };
      for (const t of body.ApiTokens ?? []) tokensSeen.add(t);
      return { id: body.ID, name: body.Name, color: body.Color ?? null };
    })().catch((e) => {
      ownServer = null;
      throw e;
    });
    return ownServer;
  };
  const serverTokenServerId = async () => (await serverTokenServer())?.id ?? null;

  return {
    current,
    listServers,
    serverTokenServer,

    /** Forget everything cached (after the settings changed). */
    async reload() {
      snapshot = null;
      servers = null;
      ownServer = null;
      const conn = await current();
      deps.logger.info("postmark connection", { mode: conn.mode, upstream: conn.upstream });
      return conn;
    },

    /** Drop discovered server tokens (after Postmark refused one with 401). */
    invalidateServers() {
      servers = null;
    },

    /** Forget the cached server list and names, after a server was created, renamed or deleted. */
    forgetServerNames() {
      servers = null;
      ownServer = null;
    },

    /**
     * The server token for a request: the named server, else the default one (the configured
     * server token's server, or the account's first server).
     */
    async serverToken(serverId: number | null): Promise<{ token: string; discovered: boolean }> {
      const conn = await current();
      if (conn.serverToken && (serverId === null || (await serverTokenServerId()) === serverId)) {
        return { token: conn.serverToken.value, discovered: false };
      }
      if (!conn.accountToken) {
        if (!conn.serverToken)
          throw notConfigured(
            "This operation needs a Postmark server token, and none is configured. An admin can add one in Settings → Postmark connection.",
          );
        throw notConfigured(
          `Only one server's token is configured, so Mailroom cannot act on server ${serverId}. Add an account token in Settings → Postmark connection to reach every server.`,
        );
      }
      let list = await listServers();
      let found = serverId === null ? list[0] : list.find((s) => s.id === serverId);
      if (!found && serverId !== null) {
        servers = null; // The server may be new: look once more.
        list = await listServers();
        found = list.find((s) => s.id === serverId);
      }
      if (!found) {
        throw serverId === null
          ? notConfigured("The Postmark account has no servers yet. Create one in the Servers area first.")
          : new ApiFailure(404, "not_found", `Server ${serverId} is not one of this Postmark account's servers.`);
      }
      if (!found.token)
        throw notConfigured(
          `Postmark did not return an API token for server ${found.id}; check that the account token may read server tokens.`,
        );
      return { token: found.token, discovered: true };
    },

    /** The id used when a request names no server. */
    async defaultServerId(): Promise<number | null> {
      const conn = await current();
      if (conn.serverToken) return serverTokenServerId().catch(() => null);
      if (conn.accountToken) return (await listServers().catch(() => []))[0]?.id ?? null;
      return null;
    },

    /** Every token this process has used or seen; responses are scrubbed of them. */
    knownTokens: (): string[] => [...tokensSeen],
  };
}
export type Connection = ReturnType<typeof createConnection>;

const notConfigured = (message: string) => new ApiFailure(503, "not_configured", message);

function upstreamRefusal(res: { status: number; text: string }, what: string): ApiFailure {
  let detail = `HTTP ${res.status}`;
  try {
    const b = JSON.parse(res.text) as { ErrorCode?: number; Message?: string };
    if (b.Message) detail = `ErrorCode ${b.ErrorCode}: ${b.Message}`;
  } catch {
    // Not JSON: the status says enough.
  }
  return new ApiFailure(502, "upstream_unreachable", `Postmark refused to ${what} (${detail}).`);
}
