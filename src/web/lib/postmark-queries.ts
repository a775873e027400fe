import { mutationOptions, queryOptions, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { operations } from "@/contract/postmark";
import { areaIds, type AreaId, type OperationSpec } from "@/contract/postmark/operation";
import { apiRequest } from "./api-client";
import { operationUrl, type PostmarkInput } from "./operation-request";
import { serverHeaders } from "./server-selection";

type Op = Pick<
  OperationSpec,
  "id" | "area" | "method" | "path" | "token" | "invalidates" | "params" | "query" | "body"
>;
/** A catalog operation with its response schema: the factories below take their answer type from it. */
export type TypedOp = Op & { response: z.ZodType };
/** What Postmark answers to `op`, as its catalog entry's response schema says (`ResponseOf<Id>` by value). */
export type AnswerOf<O extends { response: z.ZodType }> = z.output<O["response"]>;

/** One section of an operation's input: absent when the operation has none, required when its schema has required fields. */
type Slot<K extends string, S> = [S] extends [undefined]
  ? { [k in K]?: undefined }
  : undefined extends S
    ? { [k in K]?: z.input<Exclude<S, undefined>> }
    : S extends z.ZodType
      ? object extends z.input<S>
        ? { [k in K]?: z.input<S> }
        : { [k in K]: z.input<S> }
      : never;
/** What a call of `op` takes, typed by its catalog entry (`ParamsOf`/`QueryOf`/`BodyOf` by value). */
export type InputOf<O extends Pick<OperationSpec, "params" | "query" | "body">> = Slot<"params", O["params"]> &
  Slot<"query", O["query"]> &
  Slot<"body", O["body"]>;

/** `["postmark", area, operationId, serverId, input]`: a prefix of it is an invalidation scope. */
export function postmarkKey(op: Pick<Op, "id" | "area">, serverId: number | null, input: PostmarkInput = {}): QueryKey {
  return ["postmark", op.area, op.id, serverId, input];
}

function isArea(scope: string): scope is AreaId {
  return (areaIds as readonly string[]).includes(scope);
}

/** The query-key prefixes a successful call of `op` makes stale: whole areas, or single operations. */
export function invalidationKeys(
  op: Pick<Op, "invalidates">,
  lookup: Record<string, Pick<Op, "area">> = operations,
): QueryKey[] {
  return op.invalidates.map((scope) => {
    if (isArea(scope)) return ["postmark", scope];
    const target = lookup[scope];
    if (!target) throw new Error(`Unknown invalidation scope ${scope}`);
    return ["postmark", target.area, scope];
  });
}

export function callPostmark<T = unknown>(
  op: Op,
  input: PostmarkInput,
  serverId: number | null,
  signal?: AbortSignal,
): Promise<T> {
  const { url } = operationUrl(op, input);
  return apiRequest<T>(url, {
    method: op.method,
    body: input.body,
    headers: op.token === "server" ? serverHeaders(serverId) : {},
    signal,
  });
}

/** A typed input is a `PostmarkInput`; inside the generic factories TypeScript cannot see it through `InputOf<O>`. */
function untyped<O extends TypedOp>(input: InputOf<O>): PostmarkInput {
  return input as PostmarkInput;
}

/** A query for a catalog operation; its data is typed by the operation's response schema. */
export function postmarkQueryOptions<const O extends TypedOp>(op: O, input: InputOf<O>, serverId: number | null) {
  return queryOptions({
    queryKey: postmarkKey(op, serverId, untyped(input)),
    queryFn: ({ signal }) => callPostmark<AnswerOf<O>>(op, untyped(input), serverId, signal),
  });
}

/** A mutation for a catalog operation; its answer is typed by the operation, and success invalidates what the catalog names. */
export function postmarkMutationOptions<const O extends TypedOp>(
  op: O,
  serverId: number | null,
  queryClient: QueryClient,
) {
  return mutationOptions({
    mutationKey: ["postmark", op.area, op.id, serverId],
    mutationFn: (input: InputOf<O>) => callPostmark<AnswerOf<O>>(op, untyped(input), serverId),
    onSuccess: () => invalidateAfter(op, queryClient),
  });
}

/** Marks stale exactly the scopes the catalog names for this operation — never everything. */
export function invalidateAfter(op: Pick<Op, "invalidates">, queryClient: QueryClient): Promise<unknown> {
  return Promise.all(invalidationKeys(op).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
