import { describe, expect, it } from "vitest";
import { formatPostmarkTime, postmarkTimeParts } from "./format";

const plain = (s: string | null | undefined) => s?.replace(/\s/g, " ");

describe("postmarkTimeParts", () => {
  it("shows US Eastern with the viewer's local time beside it", () => {
    const p = postmarkTimeParts("2026-07-01T12:00:00Z", "UTC");
    expect(plain(p?.eastern)).toBe("Jul 1, 2026, 8:00 AM ET");
    expect(plain(p?.local)).toBe("Jul 1, 2026, 12:00 PM local");
  });
  it("reads Postmark's offset timestamps and leaves local out when it is Eastern", () => {
    const p = postmarkTimeParts("2026-01-15T23:30:00-05:00", "America/New_York");
    expect(plain(p?.eastern)).toBe("Jan 15, 2026, 11:30 PM ET");
    expect(p?.local).toBeNull();
  });
  it("gives nothing for missing or unreadable times", () => {
    expect(postmarkTimeParts(null)).toBeNull();
    expect(postmarkTimeParts("yesterday")).toBeNull();
    expect(formatPostmarkTime(null)).toBe("—");
  });
  it("reads as one line of text where only a string fits", () => {
    expect(formatPostmarkTime("2026-07-01T12:00:00Z")).toMatch(/^Jul 1, 2026, 8:00\sAM ET/);
  });
});
