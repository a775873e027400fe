import type { z } from "zod";

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];
export type TokenKind = "server" | "account";
/** read: no change; write: a change that can be undone or is expected; destructive: loses data or cannot be undone. */
export type Risk = "read" | "write" | "destructive";

import type { AreaId } from "./area-ids";
export { areaIds, type AreaId } from "./area-ids";

type AnyObject = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export interface OperationSpec<
  Id extends string = string,
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  id: Id;
  area: AreaId;
  title: string;
  /** One line saying what the call does. */
  description: string;
  method: HttpMethod;
  /** Postmark's path template, `{name}` for path parameters. */
  path: string;
  token: TokenKind;
  risk: Risk;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Query scopes (an area, or an operation id) whose cached answers a success makes stale. */
  invalidates: readonly (AreaId | string)[];
  /**
   * Developer notes: how client libraries spell a field, where SDKs and docs disagree, what is
   * unconfirmed. For whoever maintains the catalog; never shown in the UI.
   */
  notes?: string;
  /** What a person should know before running it (limits, what happens next), in plain words; shown in the UI. */
  help?: string;
}

/** Declares one catalog entry; keeps the literal types so consumers can be keyed by id. */
export function operation<
  const Id extends string,
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(spec: OperationSpec<Id, P, Q, B, R>): OperationSpec<Id, P, Q, B, R> & { params: P; query: Q; body: B } {
  return spec as OperationSpec<Id, P, Q, B, R> & { params: P; query: Q; body: B };
}

/** Path parameter names of a template, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Fills a path template; values are URI-encoded so they cannot add segments. */
export function buildPath(path: string, params: Record<string, unknown>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === "") throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
