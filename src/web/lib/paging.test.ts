import { describe, expect, it } from "vitest";
import { dateBounds, lastReachablePage, pageWindow, rangeLabel } from "./paging";
import { readIsoDate } from "./search-params";

describe("paging", () => {
  it("turns a page into count and offset", () => {
    expect(pageWindow(undefined, 50)).toEqual({ count: 50, offset: 0 });
    expect(pageWindow(3, 50)).toEqual({ count: 50, offset: 100 });
  });
  it("never asks for more than Postmark allows", () => {
    expect(pageWindow(1, 900)).toEqual({ count: 500, offset: 0 });
    const w = pageWindow(1000, 50);
    expect(w.count + w.offset).toBe(10_000);
  });
  it("caps the last page at the 10,000-row window", () => {
    expect(lastReachablePage(0, 50)).toBe(1);
    expect(lastReachablePage(101, 50)).toBe(3);
    expect(lastReachablePage(50_000, 50)).toBe(200);
  });
  it("labels the visible range", () => {
    expect(rangeLabel(50, 50, 1234)).toBe("51–100 of 1,234");
    expect(rangeLabel(0, 0, 0)).toBe("0 of 0");
  });
  it("reads dates and turns them into inclusive bounds", () => {
    expect(readIsoDate("2026-01-31")).toBe("2026-01-31");
    expect(readIsoDate("2026-1-31")).toBeUndefined();
    expect(readIsoDate(5)).toBeUndefined();
    expect(dateBounds("2026-01-01", "2026-01-31")).toEqual({
      fromdate: "2026-01-01T00:00:00",
      todate: "2026-01-31T23:59:59",
    });
    expect(dateBounds(undefined, undefined)).toEqual({});
  });
});
