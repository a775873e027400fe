import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import { createDataRemovalsRepo } from "./data-removals-repo";

function repoSuite(name: string, open: () => Promise<TestStore>) {
  describe(`data removals table on ${name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(() => t.cleanup());

    it("stores requests (large Postmark ids too), lists newest first and finds the open ones", async () => {
      const repo = createDataRemovalsRepo(t.store.db);
      const a = await repo.insert({
        postmarkId: 7,
        requestedFor: "a@example.org",
        requestedBy: "dpo@x.io",
        createdById: 1,
        createdByName: "admin",
        now: "2030-01-01T00:00:00.000Z",
        status: "Pending",
        completed: false,
      });
      const b = await repo.insert({
        postmarkId: 9_007_199_254,
        requestedFor: "b@example.org",
        requestedBy: "dpo@x.io",
        createdById: null,
        createdByName: "gone",
        now: "2030-01-02T00:00:00.000Z",
        status: "Done",
        completed: true,
      });
      expect(b.postmarkId).toBe(9_007_199_254);
      expect((await repo.list()).map((r) => r.requestedFor)).toEqual(["b@example.org", "a@example.org"]);
      expect((await repo.open(10)).map((r) => r.id)).toEqual([a.id]);
      await repo.recordCheck(a.id, { now: "2030-01-03T00:00:00.000Z", status: "Done", completed: true });
      expect(await repo.open(10)).toEqual([]);
      expect(await repo.byId(a.id)).toMatchObject({
        status: "Done",
        completedAt: "2030-01-03T00:00:00.000Z",
        createdById: 1,
        lastError: null,
      });
      // The same Postmark request kept twice (the explorer's path, then the page's): one row, the first.
      const again = await repo.insert({
        postmarkId: 7,
        requestedFor: "dup@example.org",
        requestedBy: "dpo@x.io",
        createdById: 1,
        createdByName: "admin",
        now: "2030-01-04T00:00:00.000Z",
        status: "Pending",
        completed: false,
      });
      expect(again).toMatchObject({ id: a.id, requestedFor: "a@example.org", status: "Done" });
      expect((await repo.list()).filter((r) => r.postmarkId === 7)).toHaveLength(1);
    });
  });
}

repoSuite("SQLite", sqliteTestStore);
describe.skipIf(!pgUrl)("PostgreSQL (needs TEST_DATABASE_URL)", () => {
  repoSuite("PostgreSQL", () => pgTestStore(pgUrl!));
});
