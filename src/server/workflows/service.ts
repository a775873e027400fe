import { sql, type Kysely } from "kysely";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Execute } from "../proxy/execute";
import type { Store } from "../store/index";
import type { Database } from "../store/schema";
import { createApprovalsRepo } from "../approvals/approvals-repo";
import { createDecisions } from "../approvals/decide";
import { createEventsRepo } from "../events/events-repo";
import { createEngine, type EngineOptions } from "./engine";
import { createEventCursor } from "./event-cursor";
import { createRunsRepo } from "./runs-repo";
import { createWorkflowsRepo } from "./workflows-repo";

export interface WorkflowsDeps {
  config: Config;
  store: Store;
  execute: Execute;
  clock: Clock;
  logger: Logger;
  /** Test and bench overrides (sleep, random, concurrency…). */
  engine?: Partial<EngineOptions>;
  /** Called after an approver edited a parked request (notifications hook). */
  onApprovalEdited?: (approvalId: number) => void;
}

const RUNS_CHANNEL = "mailroom_runs";

/** PostgreSQL: queued runs announced with NOTIFY (payload: the schema, as several may share a database). */
function runWakeUps(db: Kysely<Database>, listen: NonNullable<Store["listen"]>): EngineOptions["wakeUps"] {
  return {
    announce: () => sql`select pg_notify(${RUNS_CHANNEL}, current_schema())`.execute(db),
    listen(wake) {
      // Schema learnt once, on the first (re)connection; until then every notification wakes (harmless).
      let schema: string | null = null;
      const learn = () =>
        void sql<{ s: string }>`select current_schema() as s`
          .execute(db)
          .then((r) => void (schema = r.rows[0]?.s ?? null))
          .catch(() => {});
      return listen(RUNS_CHANNEL, {
        onNotify: (payload) => {
          if (schema === null || payload === schema) wake();
        },
        // Notifications sent while disconnected are lost: look for queued runs.
        onConnected: () => {
          if (schema === null) learn();
          wake();
        },
      });
    },
  };
}

/** Workflows, runs, the engine that executes them, and decisions on the approval queue. */
export function createWorkflowsService(deps: WorkflowsDeps) {
  const { store } = deps;
  const workflows = createWorkflowsRepo(store.db);
  const runs = createRunsRepo(store.db, store.dialect);
  const approvals = createApprovalsRepo(store.db, store.dialect);
  const engine = createEngine({
    db: store.db,
    workflows,
    runs,
    approvals,
    execute: deps.execute,
    clock: deps.clock,
    logger: deps.logger,
    maxAttempts: deps.config.workflows.maxAttempts,
    concurrency: deps.config.workflows.concurrency,
    leaseMs: deps.config.workflows.leaseMs,
    // One process per SQLite file: whatever is left `running` at start-up is orphaned.
    recoverAllAtStart: store.dialect === "sqlite",
    // One instance (SQLite) remembers its own progress; on PostgreSQL the "workflows.catch-up" periodic task does.
    cursor:
      store.dialect === "sqlite"
        ? createEventCursor({
            events: createEventsRepo(store.db),
            settings: store.settings,
            clock: deps.clock,
          })
        : undefined,
    wakeUps: store.listen ? runWakeUps(store.db, store.listen) : undefined,
    ...deps.engine,
  });
  const decisions = createDecisions({
    db: store.db,
    approvals,
    engine,
    runs,
    clock: deps.clock,
    audit: store.audit,
    onAuditError: (e) => deps.logger.error("could not write an audit record", { error: e.message }),
    onEdited: deps.onApprovalEdited,
  });
  return { workflows, runs, approvals, engine, decisions };
}
export type WorkflowsService = ReturnType<typeof createWorkflowsService>;
