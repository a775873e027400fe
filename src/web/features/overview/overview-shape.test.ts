import { describe, expect, it } from "vitest";
import { ago, approvalAge, triggerFlows } from "./overview-shape";

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
