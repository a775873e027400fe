import { describe, expect, it } from "vitest";
import { bounceGroupKey, bounceVerdict, type BounceLine } from "./bounce-verdict";

const b = (
  ID: number,
  Type: string,
  Inactive: boolean,
  CanActivate: boolean,
  BouncedAt: string,
  Email = "Ana@Example.com",
): BounceLine => ({ ID, Email, Type, Name: Type, MessageStream: "outbound", BouncedAt, Inactive, CanActivate });

describe("bounceVerdict", () => {
  it("picks the newest bounce Postmark allows reactivating", () => {
    const r = bounceVerdict([
      b(1, "HardBounce", true, true, "2026-01-01T00:00:00Z"),
      b(2, "HardBounce", true, true, "2026-01-03T00:00:00Z"),
      b(3, "SoftBounce", false, false, "2026-01-04T00:00:00Z"),
    ]);
    expect(r).toMatchObject({ verdict: "reactivatable", pick: { ID: 2 } });
  });
  it("says why not: a spam complaint, a bounce that cannot be activated, or already active", () => {
    expect(bounceVerdict([b(1, "SpamComplaint", true, false, "2026-01-01T00:00:00Z")]).verdict).toBe("spam-complaint");
    expect(bounceVerdict([b(1, "HardBounce", true, false, "2026-01-01T00:00:00Z")]).verdict).toBe("cannot-activate");
    expect(bounceVerdict([b(1, "SoftBounce", false, false, "2026-01-01T00:00:00Z")]).verdict).toBe("active");
  });
  it("groups an address on a stream case-insensitively", () => {
    expect(bounceGroupKey(b(1, "HardBounce", true, true, "x"))).toBe(
      bounceGroupKey(b(2, "HardBounce", true, true, "y", "ana@example.COM")),
    );
  });
});
