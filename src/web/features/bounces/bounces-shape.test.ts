import { describe, expect, it } from "vitest";
import { bouncesSearch } from "./bounces-search";
import { bounceJobFilter, bouncesSearchInput, deliveryStatsRows, hasBounceFilters } from "./bounces-shape";

describe("bounces search params", () => {
  it("keeps known values and drops bad ones", () => {
    expect(
      bouncesSearch.parse({
        type: "HardBounce",
        inactive: "true",
        email: " a@b.c ",
        from: "2026-01-02",
        page: "3",
        bounce: "42",
      }),
    ).toEqual({
      type: "HardBounce",
      inactive: "true",
      email: "a@b.c",
      from: "2026-01-02",
      page: 3,
      bounce: 42,
    });
    expect(bouncesSearch.parse({ type: "Nope", inactive: "maybe", from: "yesterday", page: "-1" })).toEqual({});
  });
});

describe("bouncesSearchInput", () => {
  it("maps URL filters to Postmark's query names with paging", () => {
    expect(
      bouncesSearchInput({
        type: "SoftBounce",
        email: "ana",
        stream: "outbound",
        tag: "welcome",
        inactive: "false",
        page: 2,
        from: "2026-01-01",
        to: "2026-01-03",
      }),
    ).toEqual({
      query: {
        count: 50,
        offset: 50,
        type: "SoftBounce",
        emailFilter: "ana",
        messagestream: "outbound",
        tag: "welcome",
        inactive: "false",
        fromdate: "2026-01-01T00:00:00",
        todate: "2026-01-03T23:59:59",
      },
    });
  });
  it("stays inside the 10,000-row window", () => {
    const q = bouncesSearchInput({ page: 9999 }).query as { count: number; offset: number };
    expect(q.count + q.offset).toBeLessThanOrEqual(10_000);
  });
  it("knows when filters are set", () => {
    expect(hasBounceFilters({})).toBe(false);
    expect(hasBounceFilters({ tag: "x" })).toBe(true);
  });
});

describe("deliveryStatsRows", () => {
  it("separates the total and sorts types by count", () => {
    const r = deliveryStatsRows({
      InactiveMails: 7,
      Bounces: [
        { Name: "All", Count: 12 },
        { Type: "SoftBounce", Name: "Soft bounce", Count: 2 },
        { Type: "HardBounce", Name: "Hard bounce", Count: 10 },
      ],
    });
    expect(r).toEqual({
      total: 12,
      inactive: 7,
      rows: [
        { type: "HardBounce", name: "Hard bounce", count: 10 },
        { type: "SoftBounce", name: "Soft bounce", count: 2 },
      ],
    });
  });
  it("sums the types when no total is given", () => {
    expect(
      deliveryStatsRows({ InactiveMails: 0, Bounces: [{ Type: "Blocked", Name: "ISP block", Count: 3 }] }).total,
    ).toBe(3);
  });
});

describe("bounceJobFilter", () => {
  it("is the list's filter without paging, as strings", () => {
    expect(
      bounceJobFilter({ type: "HardBounce", inactive: "true", email: "ana", page: 3, from: "2026-01-01" }),
    ).toEqual({ type: "HardBounce", inactive: "true", emailFilter: "ana", fromdate: "2026-01-01T00:00:00" });
  });
});
