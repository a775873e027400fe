import { describe, expect, it } from "vitest";
import { looksLikeEmail } from "@/web/lib/email";
import { addressHeadline, streamStates, type BounceLine } from "./address-shape";

const b = (
  ID: number,
  stream: string,
  Type: string,
  Inactive: boolean,
  CanActivate: boolean,
  BouncedAt = "2026-01-02T00:00:00Z",
): BounceLine => ({
  ID,
  Email: "Ana@Example.com",
  Type,
  Name: Type,
  MessageStream: stream,
  BouncedAt,
  Inactive,
  CanActivate,
});

describe("address states", () => {
  it("explains each suppression and offers reactivation only where Postmark allows it", () => {
    const states = streamStates(
      "ana@example.com",
      [
        {
          stream: "outbound",
          rows: [
            {
              EmailAddress: "ana@example.com",
              SuppressionReason: "HardBounce",
              Origin: "Recipient",
              CreatedAt: "2026-01-02",
            },
          ],
        },
        {
          stream: "broadcast",
          rows: [
            {
              EmailAddress: "ANA@example.com",
              SuppressionReason: "ManualSuppression",
              Origin: "Recipient",
              CreatedAt: "2026-01-03",
            },
          ],
        },
        {
          stream: "other",
          rows: [
            {
              EmailAddress: "ana@example.com",
              SuppressionReason: "SpamComplaint",
              Origin: "Recipient",
              CreatedAt: "2026-01-04",
            },
          ],
        },
        {
          stream: "clean",
          rows: [
            {
              EmailAddress: "someone@example.com",
              SuppressionReason: "HardBounce",
              Origin: "Recipient",
              CreatedAt: null,
            },
          ],
        },
      ],
      [
        b(1, "outbound", "HardBounce", true, true, "2026-01-01T00:00:00Z"),
        b(2, "outbound", "HardBounce", true, true, "2026-01-02T00:00:00Z"),
        b(3, "other", "SpamComplaint", true, false),
      ],
    );
    expect(states.map((s) => [s.stream, s.cause, s.reactivateBounceId, s.removable])).toEqual([
      ["outbound", "hard-bounce", 2, true],
      ["broadcast", "unsubscribe", null, true],
      ["other", "spam-complaint", null, false],
    ]);
    expect(states[2]!.advice).toMatch(/never reactivates/);
  });

  it("says clean, bounced or suppressed", () => {
    expect(addressHeadline([], [], "x@y.z").tone).toBe("good");
    expect(addressHeadline([], [b(1, "outbound", "SoftBounce", false, false)], "ana@example.com").tone).toBe("warn");
    expect(looksLikeEmail(" ana@example.com ")).toBe(true);
    expect(looksLikeEmail("ana")).toBe(false);
  });
});
