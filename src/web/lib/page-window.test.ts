import { describe, expect, it } from "vitest";
import { pageCountFor, pageRangeLabel, pageWindow } from "./page-window";

describe("pageWindow", () => {
  it("turns a 1-based page into count and offset", () => {
    expect(pageWindow(undefined, 50)).toEqual({ count: 50, offset: 0 });
    expect(pageWindow(3, 50)).toEqual({ count: 50, offset: 100 });
  });
  it("keeps count ≤ 500 and count + offset ≤ 10,000", () => {
    expect(pageWindow(1, 900).count).toBe(500);
    const w = pageWindow(1000, 100);
    expect(w.count + w.offset).toBeLessThanOrEqual(10_000);
    expect(w).toEqual({ count: 100, offset: 9900 });
  });
  it("treats bad pages as the first", () => {
    expect(pageWindow(0, 20).offset).toBe(0);
    expect(pageWindow(-4, 20).offset).toBe(0);
  });
});

describe("pageCountFor", () => {
  it("counts pages, at least one, never past the window", () => {
    expect(pageCountFor(0, 50)).toBe(1);
    expect(pageCountFor(101, 50)).toBe(3);
    expect(pageCountFor(50_000, 500)).toBe(20);
  });
});

describe("pageRangeLabel", () => {
  it("describes the rows shown", () => {
    expect(pageRangeLabel({ count: 20, offset: 20 }, 20, 57)).toBe("21–40 of 57");
    expect(pageRangeLabel({ count: 20, offset: 0 }, 0, 0)).toBe("0 of 0");
  });
});
