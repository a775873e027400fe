import type { Config } from "./config";
import type { SandboxEventHook } from "./events/test-events";
import type { Logger } from "./logger";
import type { SandboxHandle } from "./proxy/connection";

export interface EmbeddedSandbox extends SandboxHandle, SandboxEventHook {
  close(): Promise<void>;
}

/**
 * Starts the local Postmark in this process the first time it is needed (no token configured)
 * and returns the same one afterwards. Loaded lazily so live mode never pays for it.
 */
export function embeddedSandbox(config: Config, logger: Logger) {
  let started: Promise<EmbeddedSandbox> | null = null;
  return {
    get: (): Promise<EmbeddedSandbox> => {
      started ??= (async () => {
        const { startSandbox } = await import("../sandbox/index");
        const sb = await startSandbox({
          port: config.sandbox.port,
          host: config.host,
          accountToken: config.sandbox.accountToken,
          seed: config.sandbox.seed,
          historyMessages: config.sandbox.historyMessages,
          randomBounces: config.sandbox.randomBounces,
          ...(config.sandbox.eventsPerMinute !== null ? { eventsPerMinute: config.sandbox.eventsPerMinute } : {}),
          ...(config.sandbox.simulate ? { simulate: config.sandbox.simulate } : {}),
          log: (line: string) => logger.info(`sandbox: ${line}`),
        });
        logger.warn(
          `SANDBOX MODE: no Postmark token is configured, so Mailroom talks to the local sandbox at ${sb.url}. Nothing reaches real recipients. Add tokens in Settings → Postmark connection or set POSTMARK_SERVER_TOKEN / POSTMARK_ACCOUNT_TOKEN.`,
        );
        return {
          url: sb.url,
          accountToken: sb.accountToken,
          close: () => sb.close(),
          emitEvent: sb.emitTestEvent,
        };
      })().catch((e) => {
        started = null;
        throw e;
      });
      return started;
    },
    async close() {
      if (started) await (await started.catch(() => null))?.close();
    },
  };
}
