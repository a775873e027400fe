import { roleAllows, type Role } from "../../contract/api/auth";
import {
  buildPath,
  matchOperation,
  operations,
  pathExists,
  type Operation,
  type OperationId,
} from "../../contract/postmark/index";
import { ApiFailure } from "../errors";
import type { Connection } from "./connection";
import { bodyLimitFor, type BodyLimit } from "./body-limits";
import { checkTarget } from "./path-guard";
import { scrubTokens } from "./redact";
import { callUpstream, type UpstreamRequest } from "./upstream";

export interface Actor {
  id?: number;
  username: string;
  role: Role;
}

interface Common {
  /** Who asks; the operation's risk must be allowed for this role. */
  user: Actor;
  /** Postmark server id for server-token operations; the default server when absent. */
  serverId?: number | null;
  signal?: AbortSignal;
  /** For the audit record of a write. */
  requestId?: string;
  /** The workflow run making the call on its author's behalf, for the audit record. */
  workflow?: { runId: number; workflowId: number; version: number; stepId: string };
}

/** The workflow engine's form: an operation id, path params, query and a JSON body value. */
export interface ExecuteById extends Common {
  operationId: OperationId;
  params?: Record<string, unknown>;
  query?: Record<string, unknown> | URLSearchParams;
  body?: unknown;
}

/** The HTTP route's form: method, Postmark path and query string as received, raw body text. */
export interface ExecuteByPath extends Common {
  method: string;
  path: string;
  query?: string;
  /**
   * The body text, or a reader called only once the request has passed every other check (the
   * role included), with the operation's limit: it must stop reading past `maxBytes`.
   */
  rawBody?: string | ((maxBytes: number, tooLarge: () => ApiFailure) => Promise<string>);
}

export type ExecuteInput = ExecuteById | ExecuteByPath;

/** An input resolved against the catalog: the operation, its path parameters, the path and query sent. */
export interface ResolvedCall {
  op: Operation;
  params: Record<string, unknown>;
  path: string;
  query: string;
}

export interface ExecuteResult {
  operationId: OperationId;
  status: number;
  contentType: string;
  /** Postmark's body, unchanged except that tokens are masked. */
  body: string;
}

export interface ProxyDeps {
  connection: Connection;
  timeoutMs: number;
  /** Body limit of sends (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Body limit of every other operation (MAX_API_BODY_BYTES). */
  maxSmallBodyBytes: number;
  fetch?: typeof fetch;
}

/** Calls one catalog operation on Postmark. Everything refused here never reaches upstream. */
export function createExecutor(deps: ProxyDeps) {
  /** `resolved` is the input already resolved by a wrapper (the audit), so it is resolved once per call. */
  return async function execute(
    input: ExecuteInput,
    resolved: ResolvedCall = resolveCall(input),
  ): Promise<ExecuteResult> {
    const { op, path, query } = resolved;

    const allowed = roleAllows[input.user.role] ?? [];
    if (!allowed.includes(op.risk)) {
      throw new ApiFailure(
        403,
        "forbidden",
        `Your role (${input.user.role}) may not call ${op.risk} operations such as "${op.title}". Ask an admin for a role that allows it.`,
      );
    }

    // A GET sends no body: no promise to wait on for it (reads are most calls).
    const body =
      op.method === "GET"
        ? undefined
        : await encodeBody(input, op, bodyLimitFor(op, { large: deps.maxBodyBytes, small: deps.maxSmallBodyBytes }));
    const conn = await deps.connection.current();

    let token: { token: string; discovered: boolean };
    if (op.token === "account") {
      if (!conn.accountToken) {
        throw new ApiFailure(
          503,
          "not_configured",
          `"${op.title}" needs a Postmark account token, and none is configured. An admin can add one in Settings → Postmark connection.`,
        );
      }
      token = { token: conn.accountToken.value, discovered: false };
    } else {
      token = await deps.connection.serverToken(input.serverId ?? null);
    }

    const request: UpstreamRequest = {
      baseUrl: conn.upstream,
      method: op.method,
      path,
      query,
      tokenHeader: op.token === "account" ? "X-Postmark-Account-Token" : "X-Postmark-Server-Token",
      token: token.token,
      body,
      timeoutMs: deps.timeoutMs,
      fetch: deps.fetch,
      signal: input.signal,
    };
    let res = await callUpstream(request);
    if (res.status === 401 && token.discovered) {
      // A discovered server token may have been rotated: rediscover and try once more.
      deps.connection.invalidateServers();
      const again = await deps.connection.serverToken(input.serverId ?? null);
      if (again.token !== token.token) res = await callUpstream({ ...request, token: again.token });
    }
    // The switcher's list (/api/servers) is cached: a created, renamed or deleted server must show at once.
    if (op.risk !== "read" && op.invalidates.includes("servers") && res.status < 300)
      deps.connection.forgetServerNames();
    return {
      operationId: op.id,
      status: res.status,
      contentType: res.contentType,
      body: scrubTokens(res.text, deps.connection.knownTokens()),
    };
  };
}
export type Execute = ReturnType<typeof createExecutor>;

/** Finds the input's operation: by id (the engine's form), or by matching method and path (the HTTP route's form). */
export function resolveCall(input: ExecuteInput): ResolvedCall {
  if ("operationId" in input) {
    const op = operations[input.operationId] as Operation | undefined;
    if (!op) throw new ApiFailure(404, "not_found", `There is no Postmark operation "${String(input.operationId)}".`);
    let path: string;
    try {
      path = buildPath(op.path, input.params ?? {});
    } catch (e) {
      throw new ApiFailure(400, "validation_failed", (e as Error).message);
    }
    const query =
      input.query instanceof URLSearchParams
        ? input.query.toString()
        : new URLSearchParams(
            Object.entries(input.query ?? {})
              .filter(([, v]) => v !== undefined && v !== null)
              .map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]),
          ).toString();
    checkTarget(path, query);
    return { op, params: input.params ?? {}, path, query };
  }
  const target = checkTarget(input.path, input.query ?? "");
  const match = matchOperation(input.method, target.path);
  if (!match) {
    if (pathExists(target.path)) {
      throw new ApiFailure(
        405,
        "method_not_allowed",
        `Postmark has no ${input.method.toUpperCase()} operation at ${target.path}.`,
      );
    }
    throw new ApiFailure(
      404,
      "not_found",
      `${input.method.toUpperCase()} ${target.path} is not a Postmark operation Mailroom knows, so it was not sent.`,
    );
  }
  return { op: match.operation, params: match.params, path: target.path, query: target.query };
}

async function encodeBody(input: ExecuteInput, op: Operation, limit: BodyLimit): Promise<string | undefined> {
  if (op.method === "GET") return undefined;
  const refuse = () => tooLarge(limit.bytes, limit.setting);
  let text: string | undefined;
  if ("operationId" in input) {
    text = input.body === undefined ? undefined : JSON.stringify(input.body);
  } else if (input.rawBody !== undefined) {
    const raw = typeof input.rawBody === "function" ? await input.rawBody(limit.bytes, refuse) : input.rawBody;
    if (raw.trim() !== "") {
      try {
        JSON.parse(raw);
      } catch {
        throw new ApiFailure(
          400,
          "bad_request",
          "The request body is not valid JSON. Postmark accepts JSON bodies only.",
        );
      }
      text = raw;
    }
  }
  if (text !== undefined && Buffer.byteLength(text) > limit.bytes) throw refuse();
  return text;
}

export const tooLarge = (maxBytes: number, setting: BodyLimit["setting"] = "MAX_BODY_BYTES") =>
  new ApiFailure(
    413,
    "payload_too_large",
    `The request body is larger than Mailroom accepts for this operation (${formatBytes(maxBytes)}; an admin can raise ${setting}).`,
  );

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.ceil(n / 1024)} KB`;
