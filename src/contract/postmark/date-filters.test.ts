// Postmark accepts dates without zero padding; the catalog must not refuse them before Postmark sees them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { operationList } from "./index";

const withDates = operationList.filter((op) => op.query instanceof z.ZodObject && "fromdate" in op.query.shape);

describe("date filters in the catalog", () => {
  it("are on every operation that takes them", () => {
    expect(withDates.map((op) => op.id).sort()).toEqual(
      expect.arrayContaining([
        "messages.searchOutbound",
        "messages.searchInbound",
        "bounces.search",
        "stats.overview",
        "stats.sends",
        "suppressions.dump",
      ]),
    );
  });

  it.each(withDates.map((op) => [op.id, op] as const))("%s passes unpadded dates and times through", (_id, op) => {
    const query = op.query as z.ZodObject;
    for (const [fromdate, todate] of [
      ["2026-12-3", "2026-12-3"],
      ["2026-1-5T5:04:00", "2026-12-3T9:4:5"],
    ]) {
      expect(query.safeParse({ count: 10, offset: 0, fromdate, todate }).success, `${fromdate} ${todate}`).toBe(true);
    }
  });
});
