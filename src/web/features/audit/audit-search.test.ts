import { describe, expect, it } from "vitest";
import { auditParams, auditSearch, hasAuditFilters } from "./audit-search";

describe("audit search params", () => {
  it("keeps valid filters, trimmed", () => {
    const s = auditSearch.parse({
      actor: " alice ",
      action: "approval.",
      target: "approval:12",
      outcome: "denied",
      from: "2024-05-01",
      to: "2024-05-31",
    });
    expect(s).toEqual({
      actor: "alice",
      action: "approval.",
      target: "approval:12",
      outcome: "denied",
      from: "2024-05-01",
      to: "2024-05-31",
    });
    expect(hasAuditFilters(s)).toBe(true);
  });

  it("drops bad values instead of failing the page", () => {
    expect(
      auditSearch.parse({
        actor: "   ",
        outcome: "maybe",
        from: "2024-02-30",
        to: "yesterday",
        target: "x".repeat(501),
        extra: 1,
      }),
    ).toEqual({});
    expect(hasAuditFilters(auditSearch.parse({}))).toBe(false);
  });

  it("turns days into inclusive ISO bounds in the user's time zone", () => {
    const p = auditParams(auditSearch.parse({ from: "2024-05-01", to: "2024-05-02", outcome: "failure" }));
    expect(p.get("outcome")).toBe("failure");
    expect(new Date(p.get("from")!).getTime()).toBe(new Date(2024, 4, 1, 0, 0, 0, 0).getTime());
    expect(new Date(p.get("to")!).getTime()).toBe(new Date(2024, 4, 2, 23, 59, 59, 999).getTime());
    expect(p.has("actor")).toBe(false);
  });
});
