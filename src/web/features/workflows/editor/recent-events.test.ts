import { describe, expect, it } from "vitest";
import { countLastDay } from "./recent-events";

describe("countLastDay", () => {
  const now = Date.parse("2030-01-02T12:00:00Z");
  it("counts events of the last 24 hours only", () => {
    const events = ["2030-01-02T11:00:00Z", "2030-01-01T12:00:00Z", "2030-01-01T11:59:59Z"].map((receivedAt) => ({
      receivedAt,
    }));
    expect(countLastDay(events, now)).toEqual({ count: 2, atLeast: false });
    expect(countLastDay([], now)).toEqual({ count: 0, atLeast: false });
  });
  it("says 'at least' when a full page arrived within the day", () => {
    expect(
      countLastDay([{ receivedAt: "2030-01-02T11:00:00Z" }, { receivedAt: "2030-01-02T10:00:00Z" }], now, 2),
    ).toEqual({ count: 2, atLeast: true });
  });
});
