import { describe, expect, it } from "vitest";
import { validateRemovalForm } from "./data-removals-form";

describe("validateRemovalForm", () => {
  it("trims and accepts two email addresses", () => {
    expect(
      validateRemovalForm({
        RequestedFor: " leaver@example.org ",
        RequestedBy: "dpo@lumenapp.io",
        NotifyWhenCompleted: true,
      }),
    ).toEqual({
      ok: true,
      body: { RequestedFor: "leaver@example.org", RequestedBy: "dpo@lumenapp.io", NotifyWhenCompleted: true },
    });
  });
  it("names each field that is not an address, as the server would", () => {
    const r = validateRemovalForm({ RequestedFor: "leaver", RequestedBy: "", NotifyWhenCompleted: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["RequestedBy", "RequestedFor"]);
  });
});
