import { matchesWorkflow } from "../../contract/workflows/index";
import type { WorkflowAuthority } from "./authority";
import type { EngineEvent } from "./engine-event";
import type { NewRun, RunsRepo } from "./runs-repo";
import { createRunInserts } from "./run-inserts";
import type { DocFor } from "./workflow-docs";
import type { WorkerPool } from "./worker-pool";
import type { WorkflowsRepo } from "./workflows-repo";
import type { WriteBatcher } from "./write-batcher";

export interface RunStarterOptions {
  workflows: WorkflowsRepo;
  runs: RunsRepo;
  docFor: DocFor;
  authority: WorkflowAuthority;
  pool: WorkerPool;
  batch: WriteBatcher;
  owner: string;
  clock: () => number;
  /** Runs were queued for any instance (this one had no room): other instances may take them now. */
  onQueued?: () => void;
}

function newRun(
  workflowId: number,
  versionId: number,
  version: number,
  event: EngineEvent,
  now: string,
  x: { originKey?: string | null; test?: boolean; rerunOf?: number | null; createdBy?: string | null },
): NewRun {
  return {
    workflow_id: workflowId,
    version_id: versionId,
    version,
    event_id: event.id,
    trigger: event.trigger,
    server_id: event.serverId,
    payload: JSON.stringify(event.payload ?? {}),
    origin_key: x.originKey ?? null,
    status: "queued",
    test: x.test ? 1 : 0,
    rerun_of: x.rerunOf ?? null,
    next_step: 0,
    created_by: x.createdBy ?? null,
    created_at: now,
    started_at: null,
    finished_at: null,
    claimed_by: null,
    claimed_at: null,
    error: null,
  };
}

/** Matches events to the enabled workflows and creates their runs. */
export function createRunStarter(o: RunStarterOptions) {
  const iso = (ms = o.clock()) => new Date(ms).toISOString();
  const insert = createRunInserts({ runs: o.runs, batch: o.batch });

  // Which workflows are enabled, cached briefly: routes invalidate it, other instances' changes show within a second.
  let enabledCache: { at: number; list: Promise<Awaited<ReturnType<WorkflowsRepo["enabled"]>>> } | null = null;
  function enabled() {
    const now = o.clock();
    // Workflows whose authors lost the authority their steps need are disabled here, not started.
    if (!enabledCache || now - enabledCache.at > 1000)
      enabledCache = {
        at: now,
        list: o.workflows.enabled().then((l) => o.authority.screen(l, (id) => o.docFor(id), iso(now))),
      };
    return enabledCache.list;
  }

  /** Creates the runs an event starts (one per matching enabled workflow); returns their ids. */
  async function startRuns(event: EngineEvent): Promise<number[]> {
    const now = iso();
    // With room in this instance, runs are born claimed by it (one commit fewer per run); else queued for any instance.
    const claim = o.pool.hasRoom();
    const rows: NewRun[] = [];
    for (const w of await enabled()) {
      const doc = await o.docFor(w.versionId);
      if (
        !matchesWorkflow(doc, {
          type: event.trigger,
          payload: event.payload,
          serverId: event.serverId,
          stream: event.stream,
        })
      )
        continue;
      const row = newRun(w.workflowId, w.versionId, w.version, event, now, {
        originKey: event.originKey
          ? `${event.originKey}:${w.workflowId}`
          : event.id === null
            ? null
            : `event:${event.id}:${w.workflowId}`,
      });
      rows.push(claim ? { ...row, status: "running", claimed_by: o.owner, claimed_at: now, started_at: now } : row);
    }
    const created = rows.length ? await insert(rows) : [];
    // A skipped duplicate means another path already has that event.
    if (claim) o.pool.take(created);
    else if (created.length) {
      o.pool.markQueued();
      o.onQueued?.();
    }
    o.pool.kick();
    return created.map((r) => r.id);
  }

  /** A run outside the event flow (test, re-run); it is not queued for the pool, the caller runs it. */
  async function createRun(
    workflowId: number,
    versionId: number,
    version: number,
    event: EngineEvent,
    x: { test?: boolean; rerunOf?: number; createdBy: string },
  ) {
    const [id] = await o.runs.insert([newRun(workflowId, versionId, version, event, iso(), x)]);
    return id!;
  }

  return { startRuns, createRun, invalidate: () => void (enabledCache = null) };
}
