import { describe, expect, it } from "vitest";
import { suppressionsSearch } from "./suppressions-search";
import {
  dumpInput,
  hasSuppressionFilters,
  isRemovable,
  matchesEmail,
  parseAddresses,
  removalPlan,
  summariseResults,
  withInvalid,
} from "./suppressions-shape";

describe("suppressions search params", () => {
  it("keeps a valid stream and known filters", () => {
    expect(
      suppressionsSearch.parse({ stream: "broadcast", reason: "HardBounce", origin: "Admin", to: "2026-02-01" }),
    ).toEqual({ stream: "broadcast", reason: "HardBounce", origin: "Admin", to: "2026-02-01" });
    expect(suppressionsSearch.parse({ stream: "bad stream!", reason: "Nope" })).toEqual({});
  });
});

describe("dumpInput", () => {
  it("maps filters to Postmark's names", () => {
    expect(
      dumpInput("outbound", { reason: "SpamComplaint", origin: "Recipient", email: "a@b.c", from: "2026-01-01" }),
    ).toEqual({
      params: { streamId: "outbound" },
      query: { SuppressionReason: "SpamComplaint", Origin: "Recipient", fromdate: "2026-01-01T00:00:00" },
    });
    expect(hasSuppressionFilters({})).toBe(false);
    expect(hasSuppressionFilters({ origin: "Admin" })).toBe(true);
  });
});

describe("parseAddresses", () => {
  it("splits, deduplicates and shapes the body", () => {
    const r = parseAddresses("a@x.com, b@x.com\nA@x.com  c@x.com");
    expect(r).toEqual({
      ok: true,
      addresses: ["a@x.com", "b@x.com", "c@x.com"],
      invalid: [],
      body: { Suppressions: [{ EmailAddress: "a@x.com" }, { EmailAddress: "b@x.com" }, { EmailAddress: "c@x.com" }] },
    });
  });
  it("sends the valid addresses and reports the invalid ones per address", () => {
    const r = parseAddresses("a@x.com nope b@x.com");
    expect(r).toMatchObject({ ok: true, addresses: ["a@x.com", "b@x.com"], invalid: ["nope"] });
    expect(withInvalid([{ EmailAddress: "a@x.com", Status: "Suppressed", Message: null }], ["nope"])).toEqual([
      { EmailAddress: "a@x.com", Status: "Suppressed", Message: null },
      { EmailAddress: "nope", Status: "Failed", Message: "Not an email address, so it was not sent to Postmark." },
    ]);
  });
  it("refuses empty input, only bad addresses and more than 50", () => {
    expect(parseAddresses("  ")).toEqual({ ok: false, error: "Enter at least one address." });
    expect(parseAddresses("nope")).toEqual({ ok: false, error: "Not an email address: nope." });
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@x.com`).join(",");
    expect(parseAddresses(many)).toMatchObject({ ok: false, error: expect.stringContaining("at most 50") });
  });
});

describe("email filter", () => {
  it("matches part of an address, ignoring case", () => {
    expect(matchesEmail({ EmailAddress: "Ana.Silva@example.com" }, "silva@EX")).toBe(true);
    expect(matchesEmail({ EmailAddress: "ben@example.com" }, "silva")).toBe(false);
    expect(matchesEmail({ EmailAddress: "ben@example.com" }, undefined)).toBe(true);
  });
});

describe("rows and results", () => {
  it("knows spam complaints cannot be removed", () => {
    expect(isRemovable({ SuppressionReason: "SpamComplaint" })).toBe(false);
    expect(isRemovable({ SuppressionReason: "ManualSuppression" })).toBe(true);
  });
  it("summarises per-item results", () => {
    expect(
      summariseResults([
        { EmailAddress: "a", Status: "Suppressed", Message: null },
        { EmailAddress: "b", Status: "Failed", Message: "Invalid address" },
      ]),
    ).toEqual({ succeeded: 1, failed: [{ EmailAddress: "b", Status: "Failed", Message: "Invalid address" }] });
  });
});

describe("removalPlan", () => {
  it("says per address whether Postmark will lift it, once per address, spam complaints never", () => {
    const plan = removalPlan([
      { EmailAddress: "a@x.com", SuppressionReason: "HardBounce" },
      { EmailAddress: "b@x.com", SuppressionReason: "SpamComplaint" },
      { EmailAddress: "A@x.com", SuppressionReason: "HardBounce" },
      { EmailAddress: "c@x.com", SuppressionReason: "ManualSuppression" },
      { EmailAddress: null, SuppressionReason: "HardBounce" },
    ]);
    expect(plan.removable).toEqual(["a@x.com", "c@x.com"]);
    expect(plan.verdicts.map((v) => [v.email, v.removable])).toEqual([
      ["a@x.com", true],
      ["b@x.com", false],
      ["c@x.com", true],
    ]);
    expect(plan.verdicts[1]!.why).toMatch(/Spam complaint/);
  });
});
