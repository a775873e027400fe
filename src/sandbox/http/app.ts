import { Hono } from "hono";
import { matchOperation, pathExists, type Operation, type OperationId } from "../../contract/postmark";
import { handlers } from "../handlers";
import type { Sandbox } from "../runtime";
import type { ServerStore } from "../world/server-store";
import { Query, type Handler, type HandlerContext } from "./context";
import { PostmarkError } from "./errors";
import { BATCH_LIMIT, EMAIL_LIMIT, Simulator } from "./simulate";
import { SIMULATE_PATH, simulateRoutes } from "./simulate-routes";
import { registerBounceRateAdmin } from "./admin-bounce-rate";

const TEST_TOKEN = "POSTMARK_API_TEST";
const SEND_OPS = new Set<string>([
  "email.send",
  "email.sendBatch",
  "email.sendWithTemplate",
  "email.sendBatchWithTemplates",
  "bulk.send",
]);

function authenticate(
  sandbox: Sandbox,
  op: Operation,
  headers: Headers,
): { server: ServerStore | null; testMode: boolean } {
  const world = sandbox.world;
  if (op.token === "account") {
    const token = headers.get("x-postmark-account-token");
    if (!token)
      throw new PostmarkError(
        10,
        "No Account API token was supplied in the HTTP headers. Please add a header for X-Postmark-Account-Token.",
        401,
      );
    if (token !== world.accountToken)
      throw new PostmarkError(10, "The Account API token you supplied is not valid.", 401);
    return { server: null, testMode: false };
  }
  const token = headers.get("x-postmark-server-token");
  if (!token)
    throw new PostmarkError(
      10,
      "No Server API token was supplied in the HTTP headers. Please add a header for X-Postmark-Server-Token.",
      401,
    );
  if (token === TEST_TOKEN && SEND_OPS.has(op.id)) {
    const first = world.servers.values().next().value;
    if (first) return { server: first, testMode: true };
  }
  const server = world.serverByToken(token);
  if (!server) throw new PostmarkError(10, "The Server API token you supplied is not valid.", 401);
  return { server, testMode: false };
}

/** Postmark's documented size limits: 10 MB per message, 50 MB per batch or bulk request. */
const SIZE_LIMITS: Record<string, number> = {
  "email.send": EMAIL_LIMIT,
  "email.sendWithTemplate": EMAIL_LIMIT,
  "email.sendBatch": BATCH_LIMIT,
  "email.sendBatchWithTemplates": BATCH_LIMIT,
  "bulk.send": BATCH_LIMIT,
};

async function readBody(req: Request, op: Operation, simulator: Simulator): Promise<unknown> {
  if (op.method === "GET" || op.method === "DELETE") return undefined;
  const limit = SIZE_LIMITS[op.id] ?? null;
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > 0) simulator.checkSize(declared, limit);
  const text = await req.text();
  simulator.checkSize(Buffer.byteLength(text), limit);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Calls without a body (archive, activate, verify…) ignore whatever clients send.
    if (op.body === undefined) return undefined;
    throw new PostmarkError(402, "Received invalid JSON input.");
  }
}

function errorResponse(e: PostmarkError): Response {
  return new Response(JSON.stringify(e.body()), {
    status: e.status,
    headers: { "content-type": "application/json; charset=utf-8", "x-pm-apierrorcode": String(e.errorCode) },
  });
}

/** The sandbox's HTTP API: Postmark's paths, tokens, shapes and errors, plus the sandbox-only admin path. */
export function createApp(sandbox: Sandbox, simulator = new Simulator()): Hono {
  const app = new Hono();
  app.route(SIMULATE_PATH, simulateRoutes(sandbox.world, simulator));
  registerBounceRateAdmin(app, sandbox);
  app.all("*", async (c) => {
    const url = new URL(c.req.url);
    const match = matchOperation(c.req.method, url.pathname);
    if (!match) {
      const known = pathExists(url.pathname);
      return c.json(
        {
          ErrorCode: known ? 405 : 404,
          Message: known
            ? `The method ${c.req.method} is not allowed on ${url.pathname}.`
            : `No API endpoint matches ${c.req.method} ${url.pathname}.`,
        },
        known ? 405 : 404,
      );
    }
    const op = match.operation;
    try {
      simulator.admit(sandbox.world.now());
      const { server, testMode } = authenticate(sandbox, op, c.req.raw.headers);
      const body = await readBody(c.req.raw, op, simulator);
      const ctx: HandlerContext = {
        operationId: op.id,
        world: sandbox.world,
        sandbox,
        get server(): ServerStore {
          if (!server) throw new Error(`${op.id} has no server context`);
          return server;
        },
        params: match.params,
        query: new Query(url),
        body,
        testMode,
      };
      const handler = handlers[op.id as OperationId] as Handler<OperationId>;
      const result = await handler(ctx);
      return c.json(result as object, 200);
    } catch (e) {
      if (e instanceof PostmarkError) return errorResponse(e);
      sandbox.log(`sandbox error on ${op.id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return c.json({ ErrorCode: 101, Message: "An unexpected error occurred in the sandbox." }, 500);
    }
  });
  return app;
}
