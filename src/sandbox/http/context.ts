import type { OperationId, ResponseOf } from "../../contract/postmark";
import type { Sandbox } from "../runtime";
import type { ServerStore } from "../world/server-store";
import type { World } from "../world/world";
import { fail } from "./errors";

/** Query parameters with case-insensitive names (SDKs send `fromDate`, docs say `fromdate`). */
export class Query {
  private readonly values = new Map<string, string>();

  constructor(url: URL) {
    for (const [k, v] of url.searchParams) if (!this.values.has(k.toLowerCase())) this.values.set(k.toLowerCase(), v);
  }

  get(name: string): string | undefined {
    const v = this.values.get(name.toLowerCase());
    return v === undefined || v === "" ? undefined : v;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** Every `metadata_<key>` filter, key lowercased; empty values count as absent, as in `get`. */
  prefixed(prefix: string): [string, string][] {
    return [...this.values]
      .filter(([k, v]) => k.startsWith(prefix) && k.length > prefix.length && v !== "")
      .map(([k, v]) => [k.slice(prefix.length), v]);
  }

  bool(name: string): boolean | undefined {
    const v = this.get(name)?.toLowerCase();
    return v === undefined ? undefined : v === "true";
  }
}

export interface HandlerContext<Id extends OperationId = OperationId> {
  operationId: Id;
  world: World;
  sandbox: Sandbox;
  /** The server the server token belongs to; throws for account operations. */
  readonly server: ServerStore;
  params: Record<string, string>;
  query: Query;
  body: unknown;
  /** True when the POSTMARK_API_TEST token was used: validate, store nothing. */
  testMode: boolean;
}

/**
 * An operation's answer as the catalog describes it, every known field required. The catalog's loose
 * objects also admit unknown keys (an index signature); dropping it lets the world's interfaces fit.
 */
export type Answer<Id extends OperationId> = Known<ResponseOf<Id>>;
type Known<T> = T extends (infer U)[]
  ? Known<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;

/**
 * Stats are computed with keys found in the data (client names, bounce types) and leave out zero
 * counts, which the catalog's example-shaped schemas cannot express; their handlers answer a record,
 * checked against the catalog's schema by the sandbox's tests instead of by the compiler.
 */
export type StatsOperationId = Extract<OperationId, `stats.${string}`>;
export type StatsHandler<Id extends StatsOperationId> = (ctx: HandlerContext<Id>) => Record<string, unknown>;

/** A handler answers with its operation's response (errors are thrown with `fail`). */
export type Handler<Id extends OperationId> = (ctx: HandlerContext<Id>) => Answer<Id> | Promise<Answer<Id>>;

export interface Paging {
  count: number;
  offset: number;
}

/** Postmark's paging rules: count 1..500 and offset ≥ 0 both required; optionally count+offset ≤ 10,000. */
export function paging(q: Query, code: number, opts: { cap?: boolean } = {}): Paging {
  const countText = q.get("count");
  const offsetText = q.get("offset");
  if (countText === undefined) fail(code, "The 'count' parameter is required.");
  if (offsetText === undefined) fail(code, "The 'offset' parameter is required.");
  const count = Number(countText);
  const offset = Number(offsetText);
  if (!Number.isInteger(count) || count < 1 || count > 500)
    fail(code, "The 'count' parameter must be between 1 and 500.");
  if (!Number.isInteger(offset) || offset < 0) fail(code, "The 'offset' parameter must be 0 or greater.");
  if (opts.cap && count + offset > 10_000) fail(code, "The sum of 'count' and 'offset' must not exceed 10,000.");
  return { count, offset };
}

/** A JSON object body or a 4xx with the given code. */
export function objectBody(
  ctx: HandlerContext,
  code: number,
  message = "The request body is empty or is not a JSON object.",
): Record<string, unknown> {
  const b = ctx.body;
  if (b === undefined || b === null || typeof b !== "object" || Array.isArray(b)) fail(code, message);
  return b as Record<string, unknown>;
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : v === undefined || v === null ? undefined : String(v);
}

export function positiveInt(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
