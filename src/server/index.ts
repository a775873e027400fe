import type { AddressInfo } from "node:net";
import path from "node:path";
import { createApp } from "./app";
import { bootstrapAdmin } from "./auth/bootstrap-admin";
import { ConfigError, loadConfig } from "./config";
import { embeddedSandbox } from "./embedded-sandbox";
import { createMailroomServer } from "./http/serve";
import { createLogger } from "./logger";
import { createServices } from "./services";
import { openStoreFromConfig } from "./store/index";
import { createWiring } from "./wiring/service";

/** Starts Mailroom: config, store and migrations, first admin, Postmark connection, HTTP. */
async function main() {
  const logger = createLogger();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }

  const store = await openStoreFromConfig(config);
  logger.info("store ready", {
    database: store.dialect === "sqlite" ? path.join(config.dataDir, "mailroom.db") : "postgresql",
  });
  if (store.dialect === "postgres" && !config.secret) {
    logger.warn(
      "DATABASE_URL is set but MAILROOM_SECRET is not: saved tokens are encrypted with a key file in DATA_DIR, which other instances cannot read. Set MAILROOM_SECRET on every instance.",
    );
  }

  const sandbox = embeddedSandbox(config, logger);
  const services = createServices({
    config,
    store,
    logger,
    sandbox: sandbox.get,
    push: config.push.allowEndpointOrigins.length
      ? { allowEndpointOrigins: config.push.allowEndpointOrigins }
      : undefined,
  });
  if (config.push.allowEndpointOrigins.length)
    logger.warn(
      "PUSH_ALLOW_ENDPOINT_ORIGINS is set: these push endpoints skip the https and public-address checks (end-to-end tests only)",
      { origins: config.push.allowEndpointOrigins },
    );
  await bootstrapAdmin({ store, clock: services.clock, logger, adminPassword: config.adminPassword });

  const conn = await services.connection.reload();
  if (conn.mode === "live") {
    logger.info(`live mode: Postmark at ${new URL(conn.upstream).origin}`, {
      accountToken: conn.accountToken?.source ?? "none",
      serverToken: conn.serverToken?.source ?? "none",
    });
  }

  const app = createApp(services, { staticDir: path.resolve("dist") });
  let listened!: () => void;
  const listening = new Promise<void>((r) => (listened = r));
  const server = createMailroomServer(app, config.host);
  server.listen(config.port, config.host, () => {
    const info = server.address() as AddressInfo;
    listened();
    logger.info(
      `Mailroom is listening on http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${info.port}`,
      {
        publicUrl: config.publicUrl,
        mode: conn.mode,
      },
    );
  });

  // Generate webhook credentials now (not at the first webhook) and start pruning old events.
  await services.events.credentials.get();
  // VAPID keys at first start, so browsers can subscribe from the first page load.
  if (!config.push.disabled) await services.vapid.get();
  // Retention, approval expiry and sweeps: each run once across instances sharing the database.
  services.periodic.start();
  // Workflows: runs for each stored event, recovery of what a previous process left, expiry sweep.
  await services.workflows.engine.start((listener) => services.events.subscribeOwn(listener));
  // Jobs (bulk actions, exports): resumes what a previous process left unfinished.
  await services.jobs.runner.start();
  await listening;
  logger.info("Mailroom is ready", { port: config.port, database: store.dialect });
  if (conn.mode === "sandbox") {
    // Wire Mailroom's webhook URL on every sandbox server, the way a user would, so simulated
    // traffic flows into the feed. After listen: the sandbox may post at once.
    void listening
      .then(() => createWiring(services).wireAll())
      .then((n) => logger.info("sandbox webhooks wired to Mailroom", { changes: n }))
      .catch((e: unknown) => logger.warn("could not wire the sandbox's webhooks", { error: (e as Error)?.message }));
  }

  // Counts of repeated failed sign-ins (kept per instance) reach the audit trail when their window ends.
  const loginFlusher = setInterval(() => void services.failedLogins.flush().catch(() => {}), 60_000);
  loginFlusher.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    clearInterval(loginFlusher);
    await services.failedLogins.flush(true).catch(() => {});
    await services.periodic.stop().catch(() => {});
    await services.workflows.engine.stop().catch(() => {});
    await services.events.feed?.stop().catch(() => {});
    await services.jobs.runner.stop().catch(() => {});
    await services.notifier.idle().catch(() => {});
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await new Promise<void>((r) => server.close(() => r()));
    await sandbox.close().catch(() => {});
    await store.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((e: unknown) => {
  process.stderr.write(`Mailroom failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
