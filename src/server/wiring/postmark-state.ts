import type { OperationId } from "../../contract/postmark/index";
import { ApiFailure } from "../errors";
import type { Actor, Execute } from "../proxy/execute";

export interface WebhookRow {
  ID: number;
  Url: string | null;
  MessageStream: string | null;
  HttpAuth?: { Username?: string | null; Password?: string | null } | null;
  HttpHeaders?: { Name?: string | null; Value?: string | null }[] | null;
  Triggers: Record<string, { Enabled?: boolean } | undefined>;
}

export interface StreamRow {
  ID: string;
  MessageStreamType: string;
  ArchivedAt?: string | null;
}

export interface ServerSettings {
  ID: number;
  Name?: string;
  InboundHookUrl?: string | null;
  BounceHookUrl?: string | null;
  OpenHookUrl?: string | null;
  DeliveryHookUrl?: string | null;
  ClickHookUrl?: string | null;
  EnableSmtpApiErrorHooks?: boolean;
}

/** One server's webhook configuration as Postmark reports it. */
export interface PostmarkState {
  serverId: number;
  /** True when the server's settings are read and written with the account token. */
  viaAccount: boolean;
  server: ServerSettings;
  streams: StreamRow[];
  webhooks: Record<string, WebhookRow[]>;
}

async function call<T>(
  execute: Execute,
  user: Actor,
  serverId: number,
  operationId: OperationId,
  extra: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {},
): Promise<T> {
  const res = await execute({ operationId, user, serverId, ...extra });
  if (res.status !== 200) {
    let message = `HTTP ${res.status}`;
    try {
      const b = JSON.parse(res.body) as { ErrorCode?: number; Message?: string };
      if (b.Message) message = `Postmark ${b.ErrorCode ?? res.status}: ${b.Message}`;
    } catch {
      /* not JSON */
    }
    throw new ApiFailure(502, "upstream_unreachable", `${operationId} failed: ${message}`);
  }
  return JSON.parse(res.body) as T;
}

/** Reads streams, each stream's webhooks and the server's hook settings through execute(). */
export async function readPostmarkState(
  execute: Execute,
  user: Actor,
  serverId: number,
  viaAccount: boolean,
): Promise<PostmarkState> {
  const server = viaAccount
    ? await call<ServerSettings>(execute, user, serverId, "servers.get", { params: { serverid: serverId } })
    : await call<ServerSettings>(execute, user, serverId, "server.get");
  const { MessageStreams } = await call<{ MessageStreams: StreamRow[] }>(execute, user, serverId, "streams.list");
  const webhooks: Record<string, WebhookRow[]> = {};
  // Inbound streams have no webhooks (Postmark refuses them, 1351): inbound uses InboundHookUrl.
  const outbound = MessageStreams.filter((st) => st.MessageStreamType !== "Inbound" && !st.ArchivedAt);
  await Promise.all(
    outbound.map(async (st) => {
      const r = await call<{ Webhooks: WebhookRow[] }>(execute, user, serverId, "webhooks.list", {
        query: { MessageStream: st.ID },
      });
      webhooks[st.ID] = r.Webhooks ?? [];
    }),
  );
  return { serverId, viaAccount, server, streams: outbound, webhooks };
}
