import type { z } from "zod";
import * as activity from "./activity";
import * as bounces from "./bounces";
import * as dataRemovals from "./data-removals";
import * as domains from "./domains";
import * as inboundRules from "./inbound-rules";
import { areaIds, type AreaId, type OperationSpec } from "./operation";
import * as send from "./send";
import * as senders from "./senders";
import * as servers from "./servers";
import * as stats from "./stats";
import * as streams from "./streams";
import * as suppressions from "./suppressions";
import * as templates from "./templates";
import * as webhooks from "./webhooks";

export * from "./operation";
export * from "./shared";
export * from "./triggers";

const modules = [
  activity,
  bounces,
  dataRemovals,
  domains,
  inboundRules,
  send,
  senders,
  servers,
  stats,
  streams,
  suppressions,
  templates,
  webhooks,
];

type Ops<M> = M[keyof M];
type AnyOperation =
  | Ops<typeof activity>
  | Ops<typeof bounces>
  | Ops<typeof dataRemovals>
  | Ops<typeof domains>
  | Ops<typeof inboundRules>
  | Ops<typeof send>
  | Ops<typeof senders>
  | Ops<typeof servers>
  | Ops<typeof stats>
  | Ops<typeof streams>
  | Ops<typeof suppressions>
  | Ops<typeof templates>
  | Ops<typeof webhooks>;

/** Every catalogued Postmark operation, by id. */
export type OperationId = AnyOperation extends { id: infer I } ? I : never;
export type Operation<Id extends OperationId = OperationId> = Extract<AnyOperation, { id: Id }>;

export const operations = Object.fromEntries(
  modules.flatMap((m) => Object.values(m) as OperationSpec[]).map((op) => [op.id, op]),
) as { [Id in OperationId]: Operation<Id> };

export const operationList: Operation[] = Object.values(operations);

export type ParamsOf<Id extends OperationId> =
  Operation<Id> extends { params: infer P extends z.ZodType } ? z.input<P> : Record<string, never>;
export type QueryOf<Id extends OperationId> =
  Operation<Id> extends { query: infer Q extends z.ZodType } ? z.input<Q> : Record<string, never>;
export type BodyOf<Id extends OperationId> =
  Operation<Id> extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
export type ResponseOf<Id extends OperationId> = z.output<Operation<Id>["response"]>;

export interface AreaInfo {
  id: AreaId;
  title: string;
  /** Short sentence shown on the area's page and in the explorer. */
  summary: string;
}

export const areas: Record<AreaId, AreaInfo> = {
  activity: { id: "activity", title: "Activity", summary: "Sent and received messages, opens and clicks." },
  bounces: { id: "bounces", title: "Bounces", summary: "Bounced messages, their SMTP dumps and reactivation." },
  suppressions: { id: "suppressions", title: "Suppressions", summary: "Addresses a stream will not send to." },
  streams: { id: "streams", title: "Streams", summary: "Transactional, broadcast and inbound message streams." },
  templates: {
    id: "templates",
    title: "Templates",
    summary: "Templates and layouts, validation and push between servers.",
  },
  domains: { id: "domains", title: "Domains", summary: "Sending domains and their DKIM, SPF and Return-Path records." },
  senders: { id: "senders", title: "Senders", summary: "Sender signatures and their confirmation." },
  servers: { id: "servers", title: "Servers", summary: "Servers of the account and the current server's settings." },
  webhooks: { id: "webhooks", title: "Webhooks", summary: "Where Postmark posts each stream's events." },
  "inbound-rules": {
    id: "inbound-rules",
    title: "Inbound rules",
    summary: "Addresses and domains whose inbound mail is blocked.",
  },
  "data-removals": {
    id: "data-removals",
    title: "Data removals",
    summary: "Requests to erase what Postmark holds about an address.",
  },
  send: { id: "send", title: "Send", summary: "Single, batch, templated and bulk sends." },
  stats: { id: "stats", title: "Stats", summary: "Deliverability and engagement over time." },
};

export const operationsByArea: Record<AreaId, Operation[]> = Object.fromEntries(
  areaIds.map((area) => [area, operationList.filter((op) => op.area === area)]),
) as Record<AreaId, Operation[]>;

export interface OperationMatch {
  operation: Operation;
  params: Record<string, string>;
}

interface CompiledRoute {
  operation: Operation;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

const compiled: CompiledRoute[] = operationList
  .map((op) => {
    const segments = op.path.split("/").filter(Boolean);
    const names: string[] = [];
    const source = segments
      .map((s: string) => {
        const m = /^\{(\w+)\}$/.exec(s);
        if (m) {
          names.push(m[1]!);
          return "([^/]+)";
        }
        return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    // Postmark tolerates a trailing slash (SDKs call `/templates/`) and matches paths case-insensitively.
    return {
      operation: op,
      names,
      pattern: new RegExp(`^/${source}/?$`, "i"),
      literalSegments: segments.length - names.length,
    };
  })
  // Literal segments win over parameters: `/templates/push` before `/templates/{idOrAlias}`.
  .sort((a, b) => b.literalSegments - a.literalSegments);

/** Finds the catalog operation for a method and a Postmark path (without query), or null. */
export function matchOperation(method: string, path: string): OperationMatch | null {
  const upper = method.toUpperCase();
  for (const route of compiled) {
    if (route.operation.method !== upper) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    return { operation: route.operation, params };
  }
  return null;
}

/** True when some operation has this path under another method (a 405 rather than a 404). */
export function pathExists(path: string): boolean {
  return compiled.some((r) => r.pattern.test(path));
}
