import { describe, expect, it } from "vitest";
import { triggerIds } from "@/contract/postmark/triggers";
import { eventKinds } from "@/web/lib/event-kinds";
import { feedSearch, filterParams, filtersOf, formatTypes, hasFilters, parseTypes } from "./feed-search";

describe("feed search params", () => {
  it("keeps valid filters, normalising types to known kinds in catalog order", () => {
    const s = feedSearch.parse({
      types: "open, bounce,nonsense",
      stream: " outbound ",
      recipient: "a@b.co",
      tag: "welcome",
      q: "reset",
      event: "42",
    });
    expect(s).toEqual({
      types: "bounce,open",
      stream: "outbound",
      recipient: "a@b.co",
      tag: "welcome",
      q: "reset",
      event: 42,
    });
  });

  it("drops bad values instead of failing the page", () => {
    expect(
      feedSearch.parse({ types: "nope", stream: "", recipient: "x".repeat(201), tag: ["a"], q: "   ", event: "-3" }),
    ).toEqual({});
    expect(feedSearch.parse({ event: 0 })).toEqual({});
    expect(feedSearch.parse({ event: "12abc" })).toEqual({});
    expect(feedSearch.parse({ unknown: "kept?" })).toEqual({});
  });

  it("accepts numbers the router parsed from the URL", () => {
    expect(feedSearch.parse({ event: 7, tag: 2024 })).toEqual({ event: 7, tag: "2024" });
  });

  it("turns the filters into the events API query, without the open event", () => {
    const s = feedSearch.parse({ types: "click,delivery", recipient: "x@y.z", q: "hello", event: 5 });
    expect(hasFilters(filtersOf(s))).toBe(true);
    expect(filterParams(filtersOf(s)).toString()).toBe("types=click%2Cdelivery&recipient=x%40y.z&q=hello");
    expect(hasFilters(filtersOf(feedSearch.parse({ event: 5 })))).toBe(false);
  });

  it("parses and formats type lists", () => {
    expect(parseTypes(undefined)).toEqual([]);
    expect(parseTypes("unrecognised,inbound")).toEqual(["inbound", "unrecognised"]);
    expect(formatTypes([])).toBeUndefined();
    expect(formatTypes(["smtp-api-error", "bounce"])).toBe("bounce,smtp-api-error");
  });

  it("knows exactly the contract's kinds", () => {
    expect([...eventKinds]).toEqual([...triggerIds, "unrecognised"]);
  });
});
