import { describe, expect, it } from "vitest";
import { activitySearch } from "./activity-search";
import {
  activityInput,
  activityJobFilter,
  clientLabel,
  hasActivityFilters,
  inboundAction,
  placeLabel,
  timeline,
} from "./activity-shape";

describe("activity search params", () => {
  it("defaults to the outbound tab and drops bad values", () => {
    expect(activitySearch.parse({})).toEqual({ tab: "outbound" });
    expect(activitySearch.parse({ tab: "nope", status: "weird", from: "x", page: "0" })).toEqual({ tab: "outbound" });
    expect(activitySearch.parse({ tab: "inbound", status: "blocked", message: "abc", kind: "inbound" })).toEqual({
      tab: "inbound",
      status: "blocked",
      message: "abc",
      kind: "inbound",
    });
  });
  it("keeps the metadata filter and mailbox hash, dropping keys Postmark could not take as a parameter name", () => {
    expect(activitySearch.parse({ metaKey: " color ", metaValue: "blue", mailboxHash: "ticket-7" })).toEqual({
      tab: "outbound",
      metaKey: "color",
      metaValue: "blue",
      mailboxHash: "ticket-7",
    });
    expect(activitySearch.parse({ metaKey: "a b&c", metaValue: "x".repeat(81) })).toEqual({ tab: "outbound" });
  });
});

describe("activityInput", () => {
  it("maps outbound filters to Postmark's names", () => {
    expect(
      activityInput({
        tab: "outbound",
        recipient: "ana",
        sender: "me@x.com",
        status: "sent",
        stream: "outbound",
        from: "2026-01-01",
        page: 2,
      }),
    ).toEqual({
      query: {
        count: 50,
        offset: 50,
        recipient: "ana",
        fromemail: "me@x.com",
        status: "sent",
        messagestream: "outbound",
        fromdate: "2026-01-01T00:00:00",
      },
    });
  });
  it("sends only what a tab understands", () => {
    expect(
      activityInput({ tab: "opens", recipient: "ana", status: "sent", subject: "Hi", from: "2026-01-01" }),
    ).toEqual({ query: { count: 50, offset: 0, recipient: "ana" } });
    expect(activityInput({ tab: "inbound", status: "sent", stream: "x" })).toEqual({ query: { count: 50, offset: 0 } });
    expect(activityInput({ tab: "inbound", status: "blocked" }).query).toMatchObject({ status: "blocked" });
  });
  it("sends a metadata filter as Postmark's metadata_<key> on outbound only, and only with both halves", () => {
    expect(activityInput({ tab: "outbound", metaKey: "color", metaValue: "blue" }).query).toEqual({
      count: 50,
      offset: 0,
      metadata_color: "blue",
    });
    expect(activityInput({ tab: "outbound", metaKey: "color" }).query).toEqual({ count: 50, offset: 0 });
    expect(activityInput({ tab: "inbound", metaKey: "color", metaValue: "blue" }).query).toEqual({
      count: 50,
      offset: 0,
    });
    expect(activityJobFilter({ tab: "outbound", metaKey: "client-id", metaValue: "42", recipient: "ana" })).toEqual({
      recipient: "ana",
      "metadata_client-id": "42",
    });
  });
  it("sends the mailbox hash on inbound only", () => {
    expect(activityInput({ tab: "inbound", mailboxHash: "ticket-7" }).query).toEqual({
      count: 50,
      offset: 0,
      mailboxhash: "ticket-7",
    });
    expect(activityInput({ tab: "outbound", mailboxHash: "ticket-7" }).query).toEqual({ count: 50, offset: 0 });
  });
  it("stays inside the 10,000-row window", () => {
    const q = activityInput({ page: 500 }).query as { count: number; offset: number };
    expect(q.count + q.offset).toBe(10_000);
  });
  it("knows when the tab's filters are set", () => {
    expect(hasActivityFilters({ tab: "opens", subject: "x" })).toBe(false);
    expect(hasActivityFilters({ tab: "outbound", subject: "x" })).toBe(true);
  });
});

describe("timeline", () => {
  it("orders events and picks each type's detail", () => {
    const t = timeline([
      { Recipient: "a", Type: "LinkClicked", ReceivedAt: "2026-01-01T10:05:00Z", Details: { Link: "https://x.test" } },
      { Recipient: "a", Type: "Delivered", ReceivedAt: "2026-01-01T10:00:00Z", Details: { DeliveryMessage: "250 OK" } },
      {
        Recipient: "a",
        Type: "SubscriptionChanged",
        ReceivedAt: "2026-01-01T10:06:00Z",
        Details: { Origin: "Recipient", SuppressSending: "True" },
      },
      { Recipient: "a", Type: "Bounced", ReceivedAt: "2026-01-01T10:07:00Z", Details: { Summary: "mailbox full" } },
    ]);
    expect(t.map((e) => [e.type, e.detail, e.tone])).toEqual([
      ["Delivered", "250 OK", "good"],
      ["LinkClicked", "https://x.test", "good"],
      ["SubscriptionChanged", "Recipient · suppressed", "neutral"],
      ["Bounced", "mailbox full", "bad"],
    ]);
  });
});

describe("labels", () => {
  it("describes clients and places", () => {
    expect(clientLabel({ Client: { Name: "Chrome" }, OS: { Name: "macOS" }, Platform: "Desktop" })).toBe(
      "Chrome on macOS (Desktop)",
    );
    expect(clientLabel({ Client: { Name: null }, OS: { Name: null }, Platform: "Unknown" })).toBe("Unknown client");
    expect(placeLabel({ City: "Oslo", Region: "", Country: "Norway" })).toBe("Oslo, Norway");
    expect(placeLabel(undefined)).toBe("—");
  });
  it("offers bypass for blocked and retry for failed inbound mail", () => {
    expect(inboundAction("Blocked")).toBe("bypass");
    expect(inboundAction("Failed")).toBe("retry");
    expect(inboundAction("Processed")).toBeNull();
  });
});
