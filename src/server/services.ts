import crypto from "node:crypto";
import { createAlertChecker, type AlertChecker } from "./alerts/checker";
import { createThresholds, type Thresholds } from "./alerts/thresholds";
import { createApprovalLinks, createRateLimiter, type ApprovalLinks, type RateLimiter } from "./approvals/links";
import { auditedExecute } from "./audit/audited-execute";
import { alertOpened } from "./workflows/engine-event";
import { createNotifier, type Notifier, type NotifierDeps } from "./push/notifier";
import { createVapidKeys, type Vapid } from "./push/vapid";
import { createLoginThrottle, type LoginThrottle } from "./auth/throttle";
import { createFailedLoginAudit, type FailedLoginAudit } from "./auth/failed-login-audit";
import { createHashLimiter, type HashLimiter } from "./auth/hash-limiter";
import { createSessions, type Sessions } from "./auth/sessions";
import { systemClock, type Clock } from "./clock";
import type { Config } from "./config";
import { createSecretBox, loadSettingsKey } from "./crypto/secret-box";
import type { Logger } from "./logger";
import { createConnection, type Connection, type SandboxHandle } from "./proxy/connection";
import { createEventsService, type EventsService } from "./events/service";
import { createDataRemovalsRepo } from "./data-removals/data-removals-repo";
import { recordingDataRemovals } from "./data-removals/recording-execute";
import { createDataRemovalsService, type DataRemovalsService } from "./data-removals/service";
import type { SandboxEventHook } from "./events/test-events";
import { createExecutor, type Execute } from "./proxy/execute";
import { createConnectionSettings, type ConnectionSettings } from "./settings/connection-settings";
import type { Store } from "./store/index";
import { readVersion } from "./version";
import { createWorkflowsService, type WorkflowsService } from "./workflows/service";
import { createPeriodicRunner, type PeriodicRunner } from "./cluster/periodic";
import { registerCoreTasks } from "./cluster/core-tasks";
import type { EngineOptions } from "./workflows/engine";
import { createJobsService, type JobsService } from "./jobs/service";
import type { JobRunnerOptions } from "./jobs/runner";

/** Everything the routes need, built once; the workflow engine takes `execute` from here. */
export interface Services {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** Password checks run at most a few at once; the rest wait in a short line or get 429. */
  hashLimiter: HashLimiter;
  /** Failed sign-ins in the audit trail, repeats aggregated per account and address. */
  failedLogins: FailedLoginAudit;
  connection: Connection;
  execute: Execute;
  settings: ConnectionSettings;
  /** Webhook event store, writer, bus (the workflow engine subscribes) and webhook credentials. */
  events: EventsService;
  /** Workflows, runs, the engine and approval decisions. */
  workflows: WorkflowsService;
  /** Web Push: VAPID keys and the notifier (new approvals, failed runs, intake refusals). */
  vapid: Vapid;
  notifier: Notifier;
  /** Signed approval links, and the rate limit on checking them. */
  links: ApprovalLinks;
  linkLimiter: RateLimiter;
  /** Health thresholds (a setting) and the alert checker (periodic, started by index.ts). */
  alerts: { thresholds: Thresholds; checker: AlertChecker };
  /** The embedded sandbox, when there can be one (sandbox-mode test events use its hook). */
  sandbox: (() => Promise<SandboxHandle & Partial<SandboxEventHook>>) | null;
  version: string;
  /** Periodic work, run once across instances (retention, expiry, sweeps); register more with `periodic.register`. */
  periodic: PeriodicRunner;
  /** Server-side jobs (bulk actions, exports) and their worker. */
  jobs: JobsService;
  /** Data removal requests kept in Mailroom's store, and their status checks. */
  dataRemovals: DataRemovalsService;
}

export interface ServiceDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock?: Clock;
  /** Upstream fetch (tests may wrap it). */
  fetch?: typeof fetch;
  /** Starts or returns the embedded sandbox, used when no token is configured. */
  sandbox?: () => Promise<SandboxHandle & Partial<SandboxEventHook>>;
  version?: string;
  /** Engine overrides for tests and benchmarks (sleep, random, concurrency…). */
  engine?: Partial<EngineOptions>;
  /** Web Push overrides for tests (a local push endpoint over http, its fetch, alert intervals). */
  push?: Pick<
    NotifierDeps,
    "fetch" | "allowHttpEndpoints" | "allowEndpointOrigins" | "lookup" | "intakeAlertEveryMs" | "runFailedEveryMs"
  >;
  /** Password checks at once and waiting (tests make the line short). */
  signIn?: { concurrency?: number; maxQueued?: number };
  /** Signed-link check limit per address and per user. */
  linkRateLimit?: { limit: number; windowMs: number };
  /** Job worker overrides for tests (sleep, lease, poll). */
  jobs?: Partial<JobRunnerOptions>;
}

export function createServices(deps: ServiceDeps): Services {
  const clock = deps.clock ?? systemClock;
  const { config, store, logger } = deps;
  const settingsKey = loadSettingsKey({ secret: config.secret, dataDir: config.dataDir }).key;
  const box = createSecretBox(settingsKey);
  // A key of its own for link signatures, derived so that it never equals the encryption key.
  const linkKey = Buffer.from(
    crypto.hkdfSync("sha256", settingsKey, Buffer.alloc(0), "mailroom-approval-links-v1", 32),
  );
  // And one for the audit hash chain: outside the database, so its rows cannot be re-chained.
  store.audit.useKey(
    Buffer.from(crypto.hkdfSync("sha256", settingsKey, Buffer.alloc(0), "mailroom-audit-chain-v1", 32)),
  );
  // The connection reads saved tokens through the settings module, which reloads it on change.
  let settings: ConnectionSettings | null = null;
  const connection = createConnection({
    env: {
      accountToken: config.postmark.accountToken,
      serverToken: config.postmark.serverToken,
      apiUrl: config.postmark.apiUrl,
    },
    timeoutMs: config.postmark.timeoutMs,
    loadSaved: () => settings!.loadSaved(),
    sandbox: deps.sandbox,
    fetch: deps.fetch,
    logger,
  });
  settings = createConnectionSettings({ config, store, box, connection, clock, logger, fetch: deps.fetch });
  const dataRemovalsRepo = createDataRemovalsRepo(store.db);
  const execute = auditedExecute(
    recordingDataRemovals(
      createExecutor({
        connection,
        timeoutMs: config.postmark.timeoutMs,
        maxBodyBytes: config.maxBodyBytes,
        maxSmallBodyBytes: config.maxApiBodyBytes,
        fetch: deps.fetch,
      }),
      { repo: dataRemovalsRepo, clock, logger },
    ),
    { audit: store.audit, clock, logger },
  );
  const links = createApprovalLinks({ db: store.db, clock, key: linkKey, publicUrl: config.publicUrl });
  const vapid = createVapidKeys({ store, box, clock });
  const notifier = createNotifier({
    store,
    vapid,
    links,
    clock,
    logger,
    subject: config.push.subject,
    disabled: config.push.disabled,
    ...deps.push,
  });
  const thresholds = createThresholds(store);
  const alerts = {
    thresholds,
    checker: createAlertChecker({
      store,
      execute,
      clock,
      logger,
      notifier,
      thresholds,
      // Alerts start workflows through the engine built below (the `alert` trigger).
      startWorkflows: (alert) => services.workflows.engine.startRuns(alertOpened(alert)),
    }),
  };
  const services: Services = {
    workflows: createWorkflowsService({
      config,
      store,
      execute,
      clock,
      logger,
      // Approval expiry is a periodic task (once across instances), not part of every engine's poll.
      engine: {
        onApprovalCreated: (id) => notifier.approvalCreated(id),
        onRunFailed: (id) => notifier.runFailed(id),
        expireInTick: false,
        ...deps.engine,
      },
      // An edited item is new to its approvers: notify again (the notification says it was edited).
      onApprovalEdited: (id) => notifier.approvalCreated(id),
    }),
    vapid,
    notifier,
    alerts,
    links,
    linkLimiter: createRateLimiter(clock, store.counters, deps.linkRateLimit),
    config,
    store,
    logger,
    clock,
    sessions: createSessions({
      store,
      clock,
      idleMinutes: config.session.idleMinutes,
      maxHours: config.session.maxHours,
    }),
    throttle: createLoginThrottle(clock, store.counters),
    // Two checks at once leave most of libuv's four threads to file reads; eight more may wait.
    hashLimiter: createHashLimiter({
      concurrency: deps.signIn?.concurrency ?? 2,
      maxQueued: deps.signIn?.maxQueued ?? 8,
    }),
    failedLogins: createFailedLoginAudit({
      clock,
      write: (entry) => store.audit.record(entry, new Date(clock()).toISOString()),
    }),
    connection,
    execute,
    settings,
    events: createEventsService({ config, store, box, clock, logger }),
    sandbox: deps.sandbox ?? null,
    version: deps.version ?? readVersion(),
    periodic: createPeriodicRunner({ db: store.db, clock, logger }),
    jobs: createJobsService({ config, store, execute, clock, logger, runner: deps.jobs }),
    dataRemovals: createDataRemovalsService({
      repo: dataRemovalsRepo,
      users: store.users,
      execute,
      clock,
      logger,
    }),
  };
  registerCoreTasks(services);
  return services;
}
