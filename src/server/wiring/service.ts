import type { ServerWiring, WebhookCredentials, WiringApplyResponse, WiringResponse } from "../../contract/api/events";
import { SECRET_HEADER } from "../events/credentials";
import { ApiFailure } from "../errors";
import type { Actor } from "../proxy/execute";
import type { Services } from "../services";
import { checkWiring } from "./check";
import { planWiring, type PlannedCall } from "./plan";
import { readPostmarkState } from "./postmark-state";
import { intakeBase, serverHookUrl } from "./urls";

export type ServerChoice = number[] | "all" | undefined;

/** Mailroom's own identity when it wires the sandbox at start. */
export const systemActor: Actor = { username: "mailroom", role: "admin" };

/** Checks, plans and applies Postmark's webhook configuration so all 8 triggers reach Mailroom. */
export function createWiring(s: Pick<Services, "config" | "connection" | "execute" | "events" | "logger">) {
  async function credentials(): Promise<WebhookCredentials> {
    const c = await s.events.credentials.get();
    return {
      url: intakeBase(s.config.publicUrl),
      username: c.username,
      password: c.password,
      source: c.source,
      secretHeader: SECRET_HEADER,
    };
  }

  async function servers(which: ServerChoice): Promise<{ id: number; name: string | null }[]> {
    const conn = await s.connection.current();
    if (conn.accountToken) {
      const list = await s.connection.listServers();
      if (which === "all") return list.map((x) => ({ id: x.id, name: x.name }));
      const ids = which ?? [await s.connection.defaultServerId()].filter((x): x is number => x !== null);
      return ids.map((id) => {
        const found = list.find((x) => x.id === id);
        if (!found)
          throw new ApiFailure(404, "not_found", `Server ${id} is not one of this Postmark account's servers.`);
        return { id, name: found.name };
      });
    }
    const own = conn.serverToken ? await s.connection.serverTokenServer() : null;
    if (!own)
      throw new ApiFailure(503, "not_configured", "No Postmark token is configured, so there is nothing to wire.");
    if (Array.isArray(which) && which.some((id) => id !== own.id)) {
      throw new ApiFailure(
        404,
        "not_found",
        `Only server ${own.id}'s token is configured; add an account token to wire other servers.`,
      );
    }
    return [{ id: own.id, name: own.name }];
  }

  const viaAccount = async () => (await s.connection.current()).accountToken !== null;

  async function checkOne(
    user: Actor,
    server: { id: number; name: string | null },
    account: boolean,
  ): Promise<ServerWiring> {
    const creds = await s.events.credentials.get();
    const webhookUrl = serverHookUrl(s.config.publicUrl, server.id);
    try {
      const state = await readPostmarkState(s.execute, user, server.id, account);
      return {
        serverId: server.id,
        serverName: server.name ?? state.server.Name ?? null,
        webhookUrl,
        triggers: checkWiring(state, s.config.publicUrl, creds),
        error: null,
      };
    } catch (e) {
      return { serverId: server.id, serverName: server.name, webhookUrl, triggers: [], error: (e as Error).message };
    }
  }

  async function check(user: Actor, which: ServerChoice): Promise<WiringResponse> {
    const list = await servers(which);
    const account = await viaAccount();
    return {
      credentials: await credentials(),
      servers: await Promise.all(list.map((sv) => checkOne(user, sv, account))),
    };
  }

  async function plan(user: Actor, which: ServerChoice): Promise<PlannedCall[]> {
    const list = await servers(which);
    const account = await viaAccount();
    const creds = await s.events.credentials.get();
    const out: PlannedCall[] = [];
    for (const sv of list) {
      const state = await readPostmarkState(s.execute, user, sv.id, account);
      out.push(...planWiring(state, s.config.publicUrl, creds));
    }
    return out;
  }

  async function apply(user: Actor, which: ServerChoice): Promise<WiringApplyResponse> {
    const calls = await plan(user, which);
    const applied: WiringApplyResponse["applied"] = [];
    for (const call of calls) {
      const res = await s
        .execute({
          operationId: call.operationId,
          user,
          serverId: call.change.serverId,
          params: call.params,
          body: call.body,
        })
        .catch((e: Error) => ({ status: 0, body: e.message }));
      let error: string | null = null;
      if (res.status !== 200) {
        try {
          error = (JSON.parse(res.body) as { Message?: string }).Message ?? `HTTP ${res.status}`;
        } catch {
          error = res.body || `HTTP ${res.status}`;
        }
      }
      applied.push({ ...call.change, status: res.status, error });
    }
    return { applied, check: await check(user, which) };
  }

  /** Sandbox start: wire every sandbox server, as a user would, so simulated traffic reaches the feed. */
  async function wireAll(): Promise<number> {
    const result = await apply(systemActor, "all");
    const failed = result.applied.filter((a) => a.error);
    if (failed.length)
      s.logger.warn("some webhook wiring calls failed", {
        failed: failed.map((f) => `${f.method} ${f.path}: ${f.error}`),
      });
    return result.applied.length - failed.length;
  }

  return { credentials, check, plan, apply, wireAll };
}
export type Wiring = ReturnType<typeof createWiring>;
