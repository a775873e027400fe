import { z } from "zod";

export const healthResponse = z.object({
  ok: z.boolean(),
  mode: z.enum(["sandbox", "live"]),
  upstream: z.string(),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

/** Where a token comes from: the environment wins over what an admin saved. */
export const tokenSource = z.enum(["env", "saved", "sandbox", "none"]);

export const tokenStatus = z.object({
  source: tokenSource,
  /** Last 4 characters only; a saved token is never shown again in full. */
  hint: z.string().nullable(),
});

export const connectionStatus = z.object({
  mode: z.enum(["sandbox", "live"]),
  upstream: z.string(),
  accountToken: tokenStatus,
  serverToken: tokenStatus,
  /** Server used when a request names none. */
  defaultServerId: z.number().int().nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatus>;

const token = z.string().trim().min(8, "That does not look like a Postmark token").max(200);

export const saveConnectionRequest = z
  .object({
    accountToken: token.optional(),
    serverToken: token.optional(),
  })
  .refine((v) => v.accountToken || v.serverToken, "Paste an account token, a server token, or both");
export type SaveConnectionRequest = z.infer<typeof saveConnectionRequest>;

export const serverSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  color: z.string().nullable(),
});
export const serversResponse = z.object({
  servers: z.array(serverSummary),
  defaultServerId: z.number().int().nullable(),
});
export type ServerSummary = z.infer<typeof serverSummary>;
export type ServersResponse = z.infer<typeof serversResponse>;
