import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StudioTemplate } from "../../contract/api/template-studio";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import { createTemplateHistoryRepo } from "./history-repo";
import { contentHash } from "./studio";

// Ids past 2^31, as Postmark (and the sandbox) may hand out.
const tpl: StudioTemplate = {
  TemplateId: 5_000_000_001,
  AssociatedServerId: 3_000_000_007,
  TemplateType: "Standard",
  Name: "W",
  Alias: "w",
  Subject: "S",
  HtmlBody: "<p>a</p>",
  TextBody: "a",
  LayoutTemplate: null,
};

function suite(name: string, open: () => Promise<TestStore>) {
  describe(`template history on ${name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => t?.cleanup());

    it("files new content once, keeps order, who and when, and reads a version back whole", async () => {
      const repo = createTemplateHistoryRepo(t.store.db);
      const a = await repo.record(
        tpl,
        contentHash(tpl),
        "seen",
        { id: null, name: "admin" },
        "2030-01-01T00:00:00.000Z",
      );
      expect(a.added).toBe(true);
      expect(
        (await repo.record(tpl, contentHash(tpl), "seen", { id: null, name: "admin" }, "2030-01-01T00:01:00.000Z"))
          .added,
      ).toBe(false);
      const changed = { ...tpl, HtmlBody: "<p>b</p>" };
      const b = await repo.record(
        changed,
        contentHash(changed),
        "saved",
        { id: 1, name: "ada" },
        "2030-01-01T00:02:00.000Z",
      );
      expect(b.added).toBe(true);
      const list = await repo.list(tpl.AssociatedServerId, tpl.TemplateId);
      expect(list.map((v) => [v.source, v.actor, v.at, v.serverId, v.templateId])).toEqual([
        ["saved", "ada", "2030-01-01T00:02:00.000Z", 3_000_000_007, 5_000_000_001],
        ["seen", "admin", "2030-01-01T00:00:00.000Z", 3_000_000_007, 5_000_000_001],
      ]);
      expect((await repo.get(a.version.id))?.template).toEqual(tpl);
      expect((await repo.latest(tpl.AssociatedServerId, tpl.TemplateId))?.template.HtmlBody).toBe("<p>b</p>");
      expect(contentHash(changed)).not.toBe(contentHash(tpl));
    });
  });
}

suite("SQLite", sqliteTestStore);
describe.skipIf(!pgUrl)("PostgreSQL template history (needs TEST_DATABASE_URL)", () => {
  suite("PostgreSQL", () => pgTestStore(pgUrl!));
});
