import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import { createEventsRepo, type NewEventRow } from "./events-repo";

const row = (i: number, over: Partial<NewEventRow> = {}): NewEventRow => ({
  trigger: i % 2 ? "open" : "bounce",
  server_id: 1,
  message_stream: "outbound",
  recipient: `User${i}@Example.com`,
  sender: null,
  tag: i % 3 ? "a" : "b",
  message_id: `m${i}`,
  subject: `Subject ${i}`,
  detail: null,
  received_at: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
  dedupe_key: `k${i}`,
  payload: JSON.stringify({ i }),
  payload_size: 10,
  unrecognised: 0,
  test: 0,
  problem: null,
  ...over,
});

function suite(name: string, open: () => Promise<TestStore>) {
  describe(`events repo on ${name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(() => t?.cleanup());

    it("inserts idempotently, pages by keyset with filters, and prunes", async () => {
      const repo = createEventsRepo(t.store.db);
      const ids = await repo.insertMany(Array.from({ length: 20 }, (_, i) => row(i)));
      expect(ids.size).toBe(20);
      const again = await repo.insertMany([row(3), row(20)]);
      expect([...again.keys()]).toEqual(["k20"]);
      expect(typeof again.get("k20")).toBe("number");
      const page1 = await repo.pageBefore({ types: ["open"] }, undefined, 4);
      const page2 = await repo.pageBefore({ types: ["open"] }, page1.at(-1)!.id, 4);
      expect([...page1, ...page2].every((r) => r.trigger === "open")).toBe(true);
      expect(page2[0]!.id).toBeLessThan(page1.at(-1)!.id);
      expect((await repo.pageBefore({ recipient: "user1" }, undefined, 100)).length).toBe(11);
      expect((await repo.pageBefore({ q: "subject 7" }, undefined, 100)).map((r) => r.message_id)).toEqual(["m7"]);
      expect((await repo.pageAfter({}, ids.get("k17")!, 10)).map((r) => r.message_id)).toEqual(["m18", "m19", "m20"]);
      expect(await repo.pruneBatch(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toISOString(), 4)).toBe(4);
      expect(await repo.count()).toBe(17);
    });
  });
}

suite("SQLite", sqliteTestStore);
describe.skipIf(!pgUrl)("PostgreSQL (needs TEST_DATABASE_URL)", () => {
  suite("PostgreSQL", () => pgTestStore(pgUrl!));
});
