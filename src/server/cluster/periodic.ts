import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Database } from "../store/schema";

export interface PeriodicTask {
  /** Unique and stable: it names the task's row in `periodic_tasks`. */
  name: string;
  /** At most one run per this long, across all instances. */
  everyMs: number;
  /** How long a run may hold the task before another instance may take it (renewed while running). */
  leaseMs?: number;
  /** The work; a returned string is logged. Keep it bounded (batches), it holds the lease. */
  run(): Promise<unknown>;
}

export type TickResult = "ran" | "not_due" | "failed";

/**
 * Runs periodic work (retention, approval expiry, sweeps; later alert checks, status polls) once
 * across every instance sharing the database, not once per instance. A run is claimed with one
 * conditional UPDATE on the task's row: it succeeds only when the task is due (`everyMs` since
 * the last start, by any instance) and no instance holds its lease. The lease is renewed while the
 * run lasts and released at its end; an instance that dies mid-run leaves a lease that lapses, so
 * another instance runs the task at its first check once it is due and the lease has lapsed.
 */
export function createPeriodicRunner(o: {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  owner?: string;
  checkMs?: number;
}) {
  const owner = o.owner ?? `runner-${crypto.randomBytes(4).toString("hex")}`;
  const tasks = new Map<string, PeriodicTask>();
  const running = new Map<string, Promise<TickResult>>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let first: ReturnType<typeof setTimeout> | null = null;
  const leaseOf = (t: PeriodicTask) => t.leaseMs ?? Math.max(60_000, t.everyMs);
  const known = new Set<string>();

  /** Claims the task if it is due and free; true when this instance now holds it. */
  async function claim(t: PeriodicTask, now: number): Promise<boolean> {
    if (!known.has(t.name))
      await o.db
        .insertInto("periodic_tasks")
        .values({
          name: t.name,
          last_started_at: null,
          last_finished_at: null,
          running_until: null,
          owner: null,
          last_error: null,
        })
        .onConflict((oc) => oc.column("name").doNothing())
        .execute();
    known.add(t.name);
    const r = await o.db
      .updateTable("periodic_tasks")
      .set({ last_started_at: now, running_until: now + leaseOf(t), owner })
      .where("name", "=", t.name)
      .where((eb) => eb.or([eb("last_started_at", "is", null), eb("last_started_at", "<=", now - t.everyMs)]))
      .where((eb) => eb.or([eb("running_until", "is", null), eb("running_until", "<=", now)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async function runTask(t: PeriodicTask): Promise<TickResult> {
    if (!(await claim(t, o.clock()))) return "not_due";
    const lease = leaseOf(t);
    // Renewed while running, so a long run is not taken over by another instance.
    const renew = setInterval(
      () => {
        void o.db
          .updateTable("periodic_tasks")
          .set({ running_until: o.clock() + lease })
          .where("name", "=", t.name)
          .where("owner", "=", owner)
          .execute()
          .catch(() => {});
      },
      Math.max(10, Math.floor(lease / 3)),
    );
    renew.unref?.();
    let error: string | null = null;
    try {
      const note = await t.run();
      if (typeof note === "string" && note) o.logger.info(note, { task: t.name });
    } catch (e) {
      error = (e as Error)?.message ?? String(e);
      o.logger.warn("periodic task failed; it will run again at its next turn", { task: t.name, error });
    } finally {
      clearInterval(renew);
    }
    await o.db
      .updateTable("periodic_tasks")
      .set({ running_until: null, last_finished_at: o.clock(), last_error: error })
      .where("name", "=", t.name)
      .where("owner", "=", owner)
      .execute()
      .catch((e: Error) => o.logger.warn("could not release a periodic task", { task: t.name, error: e.message }));
    return error === null ? "ran" : "failed";
  }

  /** Checks one task now: runs it when due and free (at most one local run at a time). */
  function check(name: string): Promise<TickResult> {
    const t = tasks.get(name);
    if (!t) return Promise.reject(new Error(`no periodic task named ${name}`));
    const busy = running.get(name);
    if (busy) return busy.then(() => "not_due" as const);
    const p = runTask(t)
      .catch((e: Error) => {
        o.logger.warn("periodic task check failed", { task: name, error: e.message });
        return "failed" as const;
      })
      .finally(() => running.delete(name));
    running.set(name, p);
    return p;
  }

  /** Checks every task once (the timer calls this; tests call it with a fake clock). */
  async function tick(): Promise<Record<string, TickResult>> {
    const out: Record<string, TickResult> = {};
    await Promise.all([...tasks.keys()].map(async (n) => void (out[n] = await check(n))));
    return out;
  }

  return {
    owner,
    /** Adds a task (before or after start); names are unique. */
    register(task: PeriodicTask) {
      if (tasks.has(task.name)) throw new Error(`periodic task ${task.name} is registered twice`);
      if (!(task.everyMs > 0)) throw new Error(`periodic task ${task.name} needs everyMs > 0`);
      tasks.set(task.name, task);
    },
    names: () => [...tasks.keys()],
    check,
    tick,
    /** Checks due tasks every `checkMs` (default 5 s); timers never keep the process alive. */
    start() {
      if (timer) return;
      const every = o.checkMs ?? 5_000;
      first = setTimeout(() => void tick(), every);
      timer = setInterval(() => void tick(), every);
      first.unref?.();
      timer.unref?.();
    },
    /** Stops checking and waits for runs in progress. */
    async stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = timer = null;
      await Promise.allSettled([...running.values()]);
    },
  };
}
export type PeriodicRunner = ReturnType<typeof createPeriodicRunner>;
