import { describe, expect, it } from "vitest";
import {
  createStreamBody,
  formFor,
  isArchived,
  sortStreams,
  unsubscribeChoices,
  updateStreamBody,
  type Stream,
} from "./streams-shaping";
import { streamsSearch } from "./streams-search";

const stream = (over: Partial<Stream>): Stream => ({
  ID: "outbound",
  Name: "Default Transactional Stream",
  Description: null,
  MessageStreamType: "Transactional",
  CreatedAt: "2026-01-01T00:00:00Z",
  ArchivedAt: null,
  SubscriptionManagementConfiguration: { UnsubscribeHandlingType: "None" },
  ...over,
});

describe("createStreamBody", () => {
  it("builds the streams.create body", () => {
    const r = createStreamBody({
      ...formFor(),
      ID: "news",
      Name: " News ",
      MessageStreamType: "Broadcasts",
      UnsubscribeHandlingType: "Custom",
    });
    expect(r).toEqual({
      ok: true,
      body: {
        ID: "news",
        Name: "News",
        MessageStreamType: "Broadcasts",
        SubscriptionManagementConfiguration: { UnsubscribeHandlingType: "Custom" },
      },
    });
  });
  it("leaves unsubscribe handling out for non-broadcast streams", () => {
    const r = createStreamBody({ ...formFor(), ID: "receipts", Name: "Receipts", Description: "Order mail" });
    expect(r).toEqual({
      ok: true,
      body: { ID: "receipts", Name: "Receipts", MessageStreamType: "Transactional", Description: "Order mail" },
    });
  });
  it("explains bad IDs, names and descriptions", () => {
    const r = createStreamBody({ ...formFor(), ID: "1bad", Name: "", Description: "x".repeat(1001) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["Description", "ID", "Name"]);
    const upper = createStreamBody({ ...formFor(), ID: "News", Name: "n" });
    expect(upper.ok).toBe(false);
    const reserved = createStreamBody({ ...formFor(), ID: "pm-x", Name: "n" });
    expect(reserved.ok).toBe(false);
  });
});

describe("updateStreamBody", () => {
  it("sends only what changed", () => {
    const s = stream({
      ID: "news",
      MessageStreamType: "Broadcasts",
      Name: "News",
      SubscriptionManagementConfiguration: { UnsubscribeHandlingType: "Postmark" },
    });
    expect(updateStreamBody(s, { ...formFor(s), Name: "Newsletter" })).toEqual({
      ok: true,
      body: { Name: "Newsletter" },
    });
    expect(updateStreamBody(s, { ...formFor(s), UnsubscribeHandlingType: "Custom" })).toEqual({
      ok: true,
      body: { SubscriptionManagementConfiguration: { UnsubscribeHandlingType: "Custom" } },
    });
    expect(updateStreamBody(s, formFor(s))).toEqual({ ok: true, body: {} });
  });
});

describe("stream helpers", () => {
  it("sorts live streams first, by type", () => {
    const list = [
      stream({ ID: "b", MessageStreamType: "Broadcasts" }),
      stream({ ID: "old", ArchivedAt: "2026-02-01" }),
      stream({ ID: "outbound" }),
      stream({ ID: "inbound", MessageStreamType: "Inbound" }),
    ];
    expect(sortStreams(list).map((s) => s.ID)).toEqual(["outbound", "b", "inbound", "old"]);
    expect(isArchived(list[1]!)).toBe(true);
  });
  it("offers unsubscribe choices only to broadcasts", () => {
    expect(unsubscribeChoices("Broadcasts")).toEqual(["None", "Postmark", "Custom"]);
    expect(unsubscribeChoices("Transactional")).toEqual(["None"]);
  });
  it("reads the URL leniently", () => {
    expect(streamsSearch.parse({ type: "Inbound", archived: "true" })).toEqual({ type: "Inbound", archived: true });
    expect(streamsSearch.parse({ type: "x", archived: "no" })).toEqual({});
  });
});
