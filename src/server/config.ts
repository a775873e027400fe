import path from "node:path";
import { z } from "zod";
import { parseSimulation } from "../sandbox/http/simulate";

/** Everything the server reads from the environment, typed and checked once at start. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** True when cookies must be Secure (PUBLIC_URL is https). */
  secureCookies: boolean;
  postmark: {
    accountToken: string | null;
    serverToken: string | null;
    apiUrl: string;
    /** True when POSTMARK_API_URL was set explicitly. */
    apiUrlFromEnv: boolean;
    timeoutMs: number;
  };
  sandbox: {
    port: number;
    accountToken: string;
    eventsPerMinute: number | null;
    seed: string;
    simulate?: string | null;
    historyMessages?: number;
    /** SANDBOX_RANDOM_BOUNCES=0: live sends never bounce by chance (the e2e suite reuses addresses). */
    randomBounces: boolean;
  };
  dataDir: string;
  databaseUrl: string | null;
  /** DATABASE_POOL_SIZE: PostgreSQL connections per instance (plus one for LISTEN). */
  databasePoolSize: number;
  adminPassword: string | null;
  webhook: { username: string | null; password: string | null };
  secret: string | null;
  session: { idleMinutes: number; maxHours: number };
  /** Largest request body the proxy accepts (Postmark allows 50 MB for batch sends). */
  maxBodyBytes: number;
  /** Largest body of Mailroom's own JSON routes. */
  maxApiBodyBytes: number;
  /** Trust X-Forwarded-For for the client address (only behind a reverse proxy). */
  trustProxy: boolean;
  events: {
    /** Stored events older than this are pruned in the background. */
    retentionDays: number;
    /** Largest webhook body (inbound mail with attachments is big). */
    maxWebhookBytes: number;
    /** SSE heartbeat interval. */
    sseHeartbeatMs: number;
    /** Events queued for one slow SSE client before it is dropped (it reconnects with Last-Event-ID). */
    sseQueueLimit: number;
  };
  push: {
    /** PUSH_DISABLED: no Web Push at all (the rest of Mailroom works as before). */
    disabled: boolean;
    /**
     * PUSH_ALLOW_ENDPOINT_ORIGINS (end-to-end tests only): comma-separated origins (such as a local
     * push service, http://127.0.0.1:8792) accepted as push endpoints despite the https and
     * public-address rules. Empty by default; Mailroom warns at start when it is set.
     */
    allowEndpointOrigins: string[];
    /** VAPID subject: PUSH_SUBJECT, else PUBLIC_URL when https, else a mailto: placeholder. */
    subject: string;
  };
  /** Health alerts: how often the rules are checked. */
  alerts: { checkEveryMs: number };
  /** How often templates with history are looked at again for changes made elsewhere; 0: never. */
  templates: { checkEveryMs: number };
  workflows: {
    /** Attempts of one step on 429, 5xx and network errors, the first included. */
    maxAttempts: number;
    /** Runs executed at once by this instance. */
    concurrency: number;
    /** WORKFLOW_LEASE_SECONDS: a run claimed longer ago without progress is taken over by another instance. */
    leaseMs: number;
  };
  jobs: {
    /** JOBS_THROTTLE_MS: least time between two Postmark calls of a job (bulk actions, exports). */
    throttleMs: number;
    /** JOBS_WRITE_THROTTLE_MS: the same for calls that change Postmark (reactivations, suppression removals). */
    writeThrottleMs: number;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

const int = (name: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      try {
        const u = new URL(v);
        if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
        return u.toString().replace(/\/$/, "");
      } catch {
        ctx.addIssue({ code: "custom", message: `${name} must be an http(s) URL (got "${v}")` });
        return z.NEVER;
      }
    });

const envSchema = z.object({
  PORT: int("PORT", 8787, 0, 65535),
  HOST: optionalText,
  POSTMARK_ACCOUNT_TOKEN: optionalText,
  POSTMARK_SERVER_TOKEN: optionalText,
  POSTMARK_API_URL: httpUrl("POSTMARK_API_URL"),
  POSTMARK_TIMEOUT_MS: int("POSTMARK_TIMEOUT_MS", 30_000, 100, 600_000),
  SANDBOX_PORT: int("SANDBOX_PORT", 8788, 0, 65535),
  SANDBOX_ACCOUNT_TOKEN: optionalText,
  SANDBOX_SEED: optionalText,
  SANDBOX_EVENTS_PER_MINUTE: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: "custom", message: `SANDBOX_EVENTS_PER_MINUTE must be a number ≥ 0 (got "${v}")` });
        return z.NEVER;
      }
      return n;
    }),
  SANDBOX_SIMULATE: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      try {
        parseSimulation(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
      return v;
    }),
  DATA_DIR: optionalText,
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      if (!/^postgres(ql)?:\/\//.test(v)) {
        // Never echo the value: it usually holds a password.
        ctx.addIssue({ code: "custom", message: "DATABASE_URL must start with postgres:// or postgresql://" });
        return z.NEVER;
      }
      return v;
    }),
  ADMIN_PASSWORD: optionalText,
  WEBHOOK_USERNAME: optionalText,
  WEBHOOK_PASSWORD: optionalText,
  PUBLIC_URL: httpUrl("PUBLIC_URL"),
  ALERT_CHECK_SECONDS: int("ALERT_CHECK_SECONDS", 60, 10, 86_400),
  TEMPLATE_CHECK_MINUTES: int("TEMPLATE_CHECK_MINUTES", 15, 0, 7 * 24 * 60),
  MAILROOM_SECRET: optionalText,
  SESSION_IDLE_MINUTES: int("SESSION_IDLE_MINUTES", 60, 1, 60 * 24 * 30),
  SESSION_MAX_HOURS: int("SESSION_MAX_HOURS", 12, 1, 24 * 365),
  MAX_BODY_BYTES: int("MAX_BODY_BYTES", 50 * 1024 * 1024, 1024, 200 * 1024 * 1024),
  MAX_API_BODY_BYTES: int("MAX_API_BODY_BYTES", 256 * 1024, 1024, 50 * 1024 * 1024),
  EVENT_RETENTION_DAYS: int("EVENT_RETENTION_DAYS", 90, 1, 36_500),
  WEBHOOK_MAX_BYTES: int("WEBHOOK_MAX_BYTES", 50 * 1024 * 1024, 1024, 500 * 1024 * 1024),
  SSE_HEARTBEAT_MS: int("SSE_HEARTBEAT_MS", 15_000, 10, 15_000),
  SSE_QUEUE_LIMIT: int("SSE_QUEUE_LIMIT", 1_000, 1, 100_000),
  WORKFLOW_MAX_ATTEMPTS: int("WORKFLOW_MAX_ATTEMPTS", 5, 1, 20),
  WORKFLOW_CONCURRENCY: int("WORKFLOW_CONCURRENCY", 8, 1, 256),
  WORKFLOW_LEASE_SECONDS: int("WORKFLOW_LEASE_SECONDS", 300, 1, 86_400),
  DATABASE_POOL_SIZE: int("DATABASE_POOL_SIZE", 10, 2, 500),
  JOBS_THROTTLE_MS: int("JOBS_THROTTLE_MS", 100, 0, 60_000),
  // -1: not set, writes are paced like every other call.
  JOBS_WRITE_THROTTLE_MS: int("JOBS_WRITE_THROTTLE_MS", -1, 0, 60_000),
  SANDBOX_HISTORY_MESSAGES: int("SANDBOX_HISTORY_MESSAGES", 15_000, 0, 500_000),
  SANDBOX_RANDOM_BOUNCES: int("SANDBOX_RANDOM_BOUNCES", 1, 0, 1),
  PUSH_DISABLED: z
    .string()
    .trim()
    .optional()
    .transform((v) => v === "1" || v?.toLowerCase() === "true"),
  // End-to-end tests only: a local push service over http stands in for a browser vendor's.
  PUSH_ALLOW_ENDPOINT_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const origins = (v ?? "")
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
      for (const o of origins) {
        let ok = false;
        try {
          ok = new URL(o).origin === o;
        } catch {
          ok = false;
        }
        if (!ok)
          ctx.addIssue({
            code: "custom",
            message: `PUSH_ALLOW_ENDPOINT_ORIGINS: "${o}" is not an origin such as http://127.0.0.1:8792`,
          });
      }
      return origins;
    }),
  PUSH_SUBJECT: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(v)) {
        ctx.addIssue({
          code: "custom",
          message: `PUSH_SUBJECT must be a mailto: address or an https: URL (got "${v}")`,
        });
        return z.NEVER;
      }
      return v;
    }),
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v) => v === "1" || v?.toLowerCase() === "true"),
});

export const defaultPostmarkApiUrl = "https://api.postmarkapp.com";

/** Reads the configuration; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigError(`Mailroom cannot start, the environment has problems:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const host = e.HOST ?? "127.0.0.1";
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const publicUrl = e.PUBLIC_URL ?? `http://${urlHost}:${e.PORT}`;
  if (e.MAILROOM_SECRET !== null && e.MAILROOM_SECRET.length < 16) {
    throw new ConfigError("Mailroom cannot start: MAILROOM_SECRET must be at least 16 characters long.");
  }
  if (e.WORKFLOW_LEASE_SECONDS * 1000 <= e.POSTMARK_TIMEOUT_MS) {
    // A lease that can lapse during one Postmark call would let another instance act on the run meanwhile.
    throw new ConfigError("Mailroom cannot start: WORKFLOW_LEASE_SECONDS must be longer than POSTMARK_TIMEOUT_MS.");
  }
  if ((e.WEBHOOK_USERNAME === null) !== (e.WEBHOOK_PASSWORD === null)) {
    throw new ConfigError("Mailroom cannot start: set both WEBHOOK_USERNAME and WEBHOOK_PASSWORD, or neither.");
  }
  return {
    port: e.PORT,
    host,
    publicUrl,
    secureCookies: publicUrl.startsWith("https:"),
    postmark: {
      accountToken: e.POSTMARK_ACCOUNT_TOKEN,
      serverToken: e.POSTMARK_SERVER_TOKEN,
      apiUrl: e.POSTMARK_API_URL ?? defaultPostmarkApiUrl,
      apiUrlFromEnv: e.POSTMARK_API_URL !== null,
      timeoutMs: e.POSTMARK_TIMEOUT_MS,
    },
    sandbox: {
      port: e.SANDBOX_PORT,
      accountToken: e.SANDBOX_ACCOUNT_TOKEN ?? "sandbox-account-token",
      eventsPerMinute: e.SANDBOX_EVENTS_PER_MINUTE,
      seed: e.SANDBOX_SEED ?? "mailroom",
      simulate: e.SANDBOX_SIMULATE,
      historyMessages: e.SANDBOX_HISTORY_MESSAGES,
      randomBounces: e.SANDBOX_RANDOM_BOUNCES === 1,
    },
    dataDir: path.resolve(cwd, e.DATA_DIR ?? "data"),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    adminPassword: e.ADMIN_PASSWORD,
    webhook: { username: e.WEBHOOK_USERNAME, password: e.WEBHOOK_PASSWORD },
    secret: e.MAILROOM_SECRET,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxApiBodyBytes: e.MAX_API_BODY_BYTES,
    trustProxy: e.TRUST_PROXY,
    events: {
      retentionDays: e.EVENT_RETENTION_DAYS,
      maxWebhookBytes: e.WEBHOOK_MAX_BYTES,
      sseHeartbeatMs: e.SSE_HEARTBEAT_MS,
      sseQueueLimit: e.SSE_QUEUE_LIMIT,
    },
    workflows: {
      maxAttempts: e.WORKFLOW_MAX_ATTEMPTS,
      concurrency: e.WORKFLOW_CONCURRENCY,
      leaseMs: e.WORKFLOW_LEASE_SECONDS * 1000,
    },
    jobs: {
      throttleMs: e.JOBS_THROTTLE_MS,
      writeThrottleMs: e.JOBS_WRITE_THROTTLE_MS < 0 ? e.JOBS_THROTTLE_MS : e.JOBS_WRITE_THROTTLE_MS,
    },
    alerts: { checkEveryMs: e.ALERT_CHECK_SECONDS * 1000 },
    templates: { checkEveryMs: e.TEMPLATE_CHECK_MINUTES * 60_000 },
    push: {
      disabled: e.PUSH_DISABLED,
      allowEndpointOrigins: e.PUSH_ALLOW_ENDPOINT_ORIGINS,
      // Push services want a way to reach the sender; a localhost URL is refused by some, so a placeholder.
      subject: e.PUSH_SUBJECT ?? (publicUrl.startsWith("https:") ? publicUrl : "mailto:mailroom@example.invalid"),
    },
  };
}
