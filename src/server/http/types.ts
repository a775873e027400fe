import type { IncomingMessage } from "node:http";
import type { ActiveSession } from "../auth/sessions";

/** Hono environment of the app: node's request when served by @hono/node-server, and the session. */
export interface AppEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: { session: ActiveSession; /** Set by audit/request-id.ts on /api/*. */ requestId: string };
}
