import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../logger";
import type { RunRow, RunsRepo } from "./runs-repo";
import { createWorkerPool } from "./worker-pool";

/** A store of `n` queued runs: claims take the oldest, as the repository's claim does. */
function queuedRuns(n: number) {
  const queued = Array.from({ length: n }, (_, i) => ({ id: i + 1 }) as RunRow);
  const claims: number[] = [];
  const runs = {
    async claimQueued(_owner: string, _now: string, limit: number) {
      const taken = queued.splice(0, limit);
      claims.push(taken.length);
      return taken.map((run) => ({ run, hasSteps: false }));
    },
    stepsOf: async () => [],
  } as unknown as RunsRepo;
  return { runs, claims };
}

/** A step runner whose runs end only when the test releases them, so every worker stays busy. */
function heldRunner() {
  const waiting: (() => void)[] = [];
  const processed: number[] = [];
  return {
    processed,
    waiting,
    process: (run: RunRow) =>
      new Promise<void>((resolve) => {
        processed.push(run.id);
        waiting.push(resolve);
      }),
    /** Ends the runs in progress, then lets the pool take its next ones. */
    async releaseAll() {
      for (const r of waiting.splice(0)) r();
      for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    },
  };
}

describe("worker pool", () => {
  it("claims queued runs a group at a time while its workers are busy, and runs each once", async () => {
    const { runs, claims } = queuedRuns(10);
    const runner = heldRunner();
    const pool = createWorkerPool({
      runs,
      owner: "engine-a",
      concurrency: 4,
      now: () => "2030-01-01T00:00:00.000Z",
      logger: createMemoryLogger(),
      process: runner.process,
    });
    pool.kick();
    await runner.releaseAll();
    await runner.releaseAll();
    await runner.releaseAll();
    await runner.releaseAll();
    await pool.stop();
    expect(runner.processed.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Groups of four (one per worker), not one claim per run once the workers are all busy.
    expect(claims.filter((n) => n > 0)).toEqual([4, 4, 2]);
  });
});
