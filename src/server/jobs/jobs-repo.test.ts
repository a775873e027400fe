import { afterEach, describe, expect, it } from "vitest";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import { createJobsRepo } from "./jobs-repo";

const stores: TestStore[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.cleanup();
});

const job = (now: string) => ({
  kind: "export",
  params: "{}",
  title: "t",
  server_id: 9_000_000_001,
  status: "queued",
  total: null,
  processed: 0,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  result: null,
  error: null,
  created_by: null,
  created_by_name: "admin",
  created_at: now,
  started_at: null,
  finished_at: null,
  updated_at: now,
  cancel_requested_by: null,
  lease_owner: null,
  lease_expires_at: null,
  attempts: 0,
});

for (const dialect of ["sqlite", "postgres"] as const) {
  describe.skipIf(dialect === "postgres" && !pgUrl)(
    `jobs repo on ${dialect}${dialect === "postgres" && !pgUrl ? " (skipped: TEST_DATABASE_URL not set)" : ""}`,
    () => {
      it("lets two workers claim different jobs, and takes over a lapsed lease", async () => {
        const t = dialect === "sqlite" ? await sqliteTestStore() : await pgTestStore(pgUrl!);
        stores.push(t);
        const repo = createJobsRepo(t.store.db, t.store.dialect);
        const a = await repo.insert(job("2030-01-01T00:00:00.000Z"));
        const b = await repo.insert(job("2030-01-01T00:00:00.000Z"));
        const [x, y] = await Promise.all([
          repo.claimNext("w1", "2030-01-01T00:00:01.000Z", "2030-01-01T00:02:01.000Z"),
          repo.claimNext("w2", "2030-01-01T00:00:01.000Z", "2030-01-01T00:02:01.000Z"),
        ]);
        expect(new Set([x?.id, y?.id])).toEqual(new Set([a, b]));
        expect(x!.server_id).toBe(9_000_000_001);
        expect(await repo.claimNext("w3", "2030-01-01T00:01:00.000Z", "2030-01-01T00:03:00.000Z")).toBeNull();
        // w1 stops heartbeating: after its lease lapses w3 takes the job, and w1's writes are refused.
        const taken = await repo.claimNext("w3", "2030-01-01T00:05:00.000Z", "2030-01-01T00:07:00.000Z");
        expect(taken?.status).toBe("running");
        expect(taken?.attempts).toBe(2);
        const lostBy = taken!.id === x!.id ? "w1" : "w2";
        expect(await repo.renewLease(taken!.id, lostBy, "2030-01-01T00:09:00.000Z")).toBe(false);
        expect(await repo.renewLease(taken!.id, "w3", "2030-01-01T00:09:00.000Z")).toBe(true);
      });
    },
  );
}
