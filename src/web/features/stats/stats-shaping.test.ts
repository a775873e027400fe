import { describe, expect, it } from "vitest";
import { defaultThresholds } from "@/contract/health/verdict-logic";
import {
  OTHER,
  breakdownDays,
  breakdownTable,
  breakdownTotals,
  daysOf,
  delta,
  displayCell,
  exportFileName,
  fillDays,
  filterOptions,
  formatPercent,
  overviewKpis,
  presetRange,
  previousKey,
  previousRange,
  rangeLength,
  rate,
  resolveRange,
  seriesSummary,
  seriesTable,
  statsVerdicts,
  tableCsv,
  topN,
  withPrevious,
} from "./stats-shaping";
import { statsSearch } from "./stats-search";

const range = { fromdate: "2026-02-27", todate: "2026-03-02" };

describe("date ranges", () => {
  it("counts days inclusively across a month end", () => {
    expect(rangeLength(range)).toBe(4);
    expect(daysOf(range)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });
  it("builds presets ending today and the previous period of the same length", () => {
    const r = presetRange(7, "2026-11-28");
    expect(r).toEqual({ fromdate: "2026-11-22", todate: "2026-11-28" });
    expect(previousRange(r)).toEqual({ fromdate: "2026-11-15", todate: "2026-11-21" });
  });
  it("resolves a custom range, swapping a reversed one, and falls back to the preset", () => {
    expect(resolveRange({ range: "custom", from: "2026-11-10", to: "2026-11-01" }, "2026-11-28")).toEqual({
      fromdate: "2026-11-01",
      todate: "2026-11-10",
    });
    expect(resolveRange({ range: "custom", from: "2026-02-30", to: "2026-03-01" }, "2026-11-28")).toEqual(
      presetRange(30, "2026-11-28"),
    );
    expect(resolveRange({ range: "45d" }, "2026-11-28")).toEqual(presetRange(45, "2026-11-28"));
  });
  it("keeps only valid search params", () => {
    expect(
      statsSearch.parse({ range: "99", from: "yesterday", to: "2026-01-02", stream: "outbound", tag: "" }),
    ).toEqual({ range: "30d", to: "2026-01-02", stream: "outbound" });
  });
});

describe("fillDays", () => {
  it("adds the missing days and keys as zeros, in order", () => {
    const rows = fillDays(
      [
        { Date: "2026-03-01", HardBounce: 2 },
        { Date: "2026-02-27", SoftBounce: 1, HardBounce: 1 },
      ],
      range,
      ["HardBounce", "SoftBounce"],
    );
    expect(rows).toEqual([
      { date: "2026-02-27", HardBounce: 1, SoftBounce: 1 },
      { date: "2026-02-28", HardBounce: 0, SoftBounce: 0 },
      { date: "2026-03-01", HardBounce: 2, SoftBounce: 0 },
      { date: "2026-03-02", HardBounce: 0, SoftBounce: 0 },
    ]);
  });
  it("ignores days outside the range and null dates", () => {
    expect(
      fillDays(
        [
          { Date: null, Sent: 5 },
          { Date: "2026-01-01", Sent: 9 },
        ],
        range,
        ["Sent"],
      ).every((r) => r.Sent === 0),
    ).toBe(true);
  });
});

describe("rates and deltas", () => {
  it("never divides by zero", () => {
    expect(rate(1, 0)).toBe(0);
    expect(rate(1, 4)).toBe(25);
  });
  it("reports direction and percent change, null from zero", () => {
    expect(delta(150, 100)).toEqual({ percent: 50, direction: "up" });
    expect(delta(50, 100)).toEqual({ percent: -50, direction: "down" });
    expect(delta(5, 0)).toEqual({ percent: null, direction: "up" });
    expect(delta(0, 0)).toEqual({ percent: null, direction: "flat" });
  });
  it("computes KPIs from counts for both periods", () => {
    const base = {
      Sent: 200,
      Bounced: 4,
      BounceRate: 2,
      SpamComplaints: 1,
      SpamComplaintsRate: 0.5,
      Opens: 90,
      UniqueOpens: 50,
      WithOpenTracking: 100,
      WithLinkTracking: 100,
      UniqueLinksClicked: 10,
      TotalClicks: 12,
    };
    const kpis = overviewKpis(base, { ...base, Sent: 100, Bounced: 4 });
    const byId = Object.fromEntries(kpis.map((k) => [k.id, k]));
    expect(byId.bounceRate!.value).toBe(2);
    expect(byId.bounceRate!.delta).toEqual({ percent: -50, direction: "down" });
    expect(byId.openRate!.value).toBe(50);
    expect(byId.sent!.delta.percent).toBe(100);
    expect(overviewKpis(base, undefined)[0]!.delta).toEqual({ percent: null, direction: "flat" });
  });
  it("formats small percentages with more precision", () => {
    expect(formatPercent(0.123)).toBe("0.12%");
    expect(formatPercent(12.34)).toBe("12.3%");
  });
});

describe("breakdowns", () => {
  const response = {
    Days: [{ Date: "2026-02-28", Gmail: 3, Outlook: 1, Yahoo: 1, "Apple Mail": 2 }],
    Gmail: 10,
    Outlook: 3,
    Yahoo: 1,
    "Apple Mail": 6,
    Thunderbird: 0,
  };
  it("reads the dynamic names and their totals", () => {
    expect(breakdownTotals(response)).toEqual({ Gmail: 10, Outlook: 3, Yahoo: 1, "Apple Mail": 6, Thunderbird: 0 });
  });
  it("keeps the top N and folds the rest into Other", () => {
    const slices = topN(breakdownTotals(response), 2);
    expect(slices.map((s) => [s.name, s.value])).toEqual([
      ["Gmail", 10],
      ["Apple Mail", 6],
      [OTHER, 4],
    ]);
    expect(slices.reduce((s, x) => s + x.percent, 0)).toBeCloseTo(100);
    expect(topN({ A: 1 }, 5)).toEqual([{ name: "A", value: 1, percent: 100 }]);
  });
  it("merges a real key named Other with the folded rest", () => {
    expect(topN({ A: 5, Other: 3, B: 1, C: 1 }, 2)).toEqual([
      { name: "A", value: 5, percent: 50 },
      { name: OTHER, value: 5, percent: 50 },
    ]);
  });
  it("shapes daily rows to the top names plus Other", () => {
    const rows = breakdownDays(response.Days, range, topN(breakdownTotals(response), 2));
    expect(rows[1]).toEqual({ date: "2026-02-28", Gmail: 3, "Apple Mail": 2, [OTHER]: 2 });
    expect(rows[0]).toEqual({ date: "2026-02-27", Gmail: 0, "Apple Mail": 0, [OTHER]: 0 });
  });
  it("summarises a series for screen readers", () => {
    const rows = fillDays(
      [
        { Date: "2026-02-28", Sent: 7 },
        { Date: "2026-03-01", Sent: 3 },
      ],
      range,
      ["Sent"],
    );
    expect(seriesSummary(rows, "Sent", "Sent")).toBe("Sent: 10 over 4 days, highest on Feb 28 with 7.");
    expect(seriesSummary(fillDays([], range, ["Sent"]), "Sent", "Sent")).toBe("Sent: none in this period.");
  });
});

describe("compare with the previous period", () => {
  const cur = fillDays([{ Date: "2026-02-27", Sent: 5 }], range, ["Sent"]);
  const prev = fillDays(
    [
      { Date: "2026-02-24", Sent: 2 },
      { Date: "2026-02-26", Sent: 7 },
    ],
    previousRange(range),
    ["Sent"],
  );
  it("puts day i of the previous period beside day i of this one", () => {
    const rows = withPrevious(cur, prev, ["Sent"]);
    expect(rows[0]).toEqual({ date: "2026-02-27", Sent: 5, previousDate: "2026-02-23", [previousKey("Sent")]: 0 });
    expect(rows[1]).toMatchObject({ date: "2026-02-28", previousDate: "2026-02-24", [previousKey("Sent")]: 2 });
    expect(rows[3]).toMatchObject({ date: "2026-03-02", previousDate: "2026-02-26", [previousKey("Sent")]: 7 });
  });
  it("reads zeros while the previous period has not loaded", () => {
    expect(withPrevious(cur, [], ["Sent"])[2]).toMatchObject({ previousDate: "", [previousKey("Sent")]: 0 });
  });
});

describe("tables and CSV", () => {
  const series = [{ key: "Sent", label: "Sent" }];
  const rows = withPrevious(
    fillDays([{ Date: "2026-02-27", Sent: 1200 }], range, ["Sent"]),
    fillDays([{ Date: "2026-02-23", Sent: 3 }], previousRange(range), ["Sent"]),
    ["Sent"],
  );
  it("a time series table has one row per day, and the previous period's columns when comparing", () => {
    expect(seriesTable(rows, series, false)).toEqual({
      columns: ["Day", "Sent"],
      rows: [
        ["2026-02-27", 1200],
        ["2026-02-28", 0],
        ["2026-03-01", 0],
        ["2026-03-02", 0],
      ],
    });
    const t = seriesTable(rows, series, true);
    expect(t.columns).toEqual(["Day", "Sent", "Previous day", "Sent (previous)"]);
    expect(t.rows[0]).toEqual(["2026-02-27", 1200, "2026-02-23", 3]);
  });
  it("writes raw numbers to the CSV and protects text cells", () => {
    expect(tableCsv(seriesTable(rows, series, false)).split("\r\n")[1]).toBe("2026-02-27,1200");
    const t = breakdownTable([
      { name: "=HYPERLINK(1)", value: 2, percent: 66.666 },
      { name: "Other, misc", value: 1, percent: 33.333 },
    ]);
    expect(tableCsv(t)).toBe('Name,Count,Share (%)\r\n\'=HYPERLINK(1),2,66.7\r\n"Other, misc",1,33.3\r\n');
    expect(tableCsv({ columns: ["Day"], rows: [] })).toBe("Day\r\n");
  });
  it("shows counts grouped and percentages with one decimal", () => {
    expect(displayCell(1200)).toBe("1,200");
    expect(displayCell(66.7, "Share (%)")).toBe("66.7");
    expect(displayCell(36, "Share (%)")).toBe("36.0");
    expect(displayCell("Gmail")).toBe("Gmail");
  });
  it("names the file after the chart, range and filters, safely", () => {
    expect(exportFileName("sends", range, {}, "csv")).toBe("stats-sends-2026-02-27-to-2026-03-02.csv");
    expect(exportFileName("opens", range, { stream: "outbound", tag: "a/b c" }, "png")).toBe(
      "stats-opens-2026-02-27-to-2026-03-02-outbound-tag-a_b_c.png",
    );
  });
});

describe("verdicts and filter choices", () => {
  it("judges the period with the shared verdict code, minimum volume included", () => {
    const v = statsVerdicts({ Sent: 1000, Bounced: 80, SpamComplaints: 1 }, defaultThresholds);
    expect(v.bounce.level).toBe("critical");
    expect(v.spam.level).toBe("warning");
    expect(statsVerdicts({ Sent: 0, Bounced: 0, SpamComplaints: 0 }, defaultThresholds).bounce.level).toBe("too-few");
    expect(statsVerdicts({ Sent: 200, Bounced: 7, SpamComplaints: 0 }, defaultThresholds).bounce.level).toBe("good");
  });
  it("lists the values that exist, keeping a current value that is not among them", () => {
    expect(filterOptions(["invoice", "welcome", "invoice", ""], undefined)).toEqual(["invoice", "welcome"]);
    expect(filterOptions(["invoice"], "old-tag")).toEqual(["old-tag", "invoice"]);
    expect(filterOptions(["invoice"], "invoice")).toEqual(["invoice"]);
  });
});
