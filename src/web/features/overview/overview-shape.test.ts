import { describe, expect, it } from "vitest";
import { bouncesSearch } from "@/web/features/bounces/bounces-search";
import { ago, approvalAge, bouncesBehind, latestEventsUrl, triggerFlows } from "./overview-shape";

const now = Date.parse("2030-01-01T12:00:00Z");

describe("overview shaping", () => {
  it("says how long ago", () => {
    expect(ago(null, now)).toBe("never");
    expect(ago("2030-01-01T11:59:30Z", now)).toBe("just now");
    expect(ago("2030-01-01T11:55:00Z", now)).toBe("5 min ago");
    expect(ago("2030-01-01T09:00:00Z", now)).toBe("3 h ago");
    expect(ago("2029-12-29T12:00:00Z", now)).toBe("3 days ago");
    expect(ago("not a date", now)).toBe("not a date");
  });

  it("classifies the webhook flow per trigger", () => {
    const r = triggerFlows([
      { trigger: "delivery", lastAt: "2030-01-01T11:00:00Z", last24h: 40 },
      { trigger: "bounce", lastAt: "2029-12-20T11:00:00Z", last24h: 0 },
      { trigger: "inbound", lastAt: null, last24h: 0 },
    ]);
    expect(r.flows.map((f) => f.state)).toEqual(["flowing", "quiet", "never"]);
    expect(r).toMatchObject({ flowing: 1, never: 1 });
  });

  it("an approval becomes urgent after an hour or near its expiry", () => {
    expect(approvalAge("2030-01-01T11:50:00Z", "2030-01-02T11:50:00Z", now)).toEqual({ text: "10 min", urgent: false });
    expect(approvalAge("2030-01-01T10:50:00Z", "2030-01-02T11:50:00Z", now).urgent).toBe(true);
    expect(approvalAge("2030-01-01T11:50:00Z", "2030-01-01T12:30:00Z", now).urgent).toBe(true);
  });
});

describe("overview links", () => {
  const week = { fromdate: "2029-12-26", todate: "2030-01-01" };
  it("links a verdict to the bounces behind it: its days, stream or tag, and spam complaints by type", () => {
    expect(bouncesBehind(week)).toEqual({ from: "2029-12-26", to: "2030-01-01" });
    expect(bouncesBehind(week, { stream: "outbound" })).toEqual({
      from: "2029-12-26",
      to: "2030-01-01",
      stream: "outbound",
    });
    expect(bouncesBehind(week, { tag: "invoice", type: "SpamComplaint" })).toEqual({
      from: "2029-12-26",
      to: "2030-01-01",
      tag: "invoice",
      type: "SpamComplaint",
    });
  });
  it("makes links the bounces page reads back unchanged", () => {
    const search = bouncesBehind(week, { tag: "invoice", type: "SpamComplaint" });
    expect(bouncesSearch.parse(search)).toMatchObject(search);
  });
  it("asks for the selected server's latest events", () => {
    expect(latestEventsUrl(3)).toBe("/api/events?limit=5&server=3");
    expect(latestEventsUrl(null)).toBe("/api/events?limit=5");
  });
});
