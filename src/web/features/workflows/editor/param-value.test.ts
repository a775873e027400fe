import { describe, expect, it } from "vitest";
import { resolveParams } from "@/contract/workflows";
import { defaultListKey, modeOf, unwrapListItem, wrapAsListItem } from "./param-value";

const email = { $map: { from: "trigger" as const, path: "Email" } };

describe("one event field into a list parameter", () => {
  it("wraps a mapping as the only item, under the item's key when items are objects", () => {
    expect(wrapAsListItem(email, { key: "EmailAddress" })).toEqual([{ EmailAddress: email }]);
    expect(wrapAsListItem(email, {})).toEqual([email]);
  });
  it("recognises what it built, and nothing else", () => {
    expect(unwrapListItem([{ EmailAddress: email }])).toEqual({ mapping: email, wrap: { key: "EmailAddress" } });
    expect(unwrapListItem([email])).toEqual({ mapping: email, wrap: {} });
    expect(unwrapListItem([email, email])).toBeNull();
    expect(unwrapListItem([{ EmailAddress: "fixed@example.com" }])).toBeNull();
    expect(unwrapListItem(email)).toBeNull();
    expect(modeOf([{ EmailAddress: email }])).toBe("mapping");
    expect(modeOf([{ EmailAddress: "x" }])).toBe("value");
  });
  it("resolves to the list Postmark expects", () => {
    const r = resolveParams(wrapAsListItem(email, { key: "EmailAddress" }), {
      trigger: { Email: "ada@example.com" },
      steps: {},
    });
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual([{ EmailAddress: "ada@example.com" }]);
  });
  it("picks the only required key of an item", () => {
    expect(defaultListKey({ kind: "object", keys: ["Note", "EmailAddress"], required: ["EmailAddress"] })).toBe(
      "EmailAddress",
    );
    expect(defaultListKey({ kind: "value" })).toBeUndefined();
    expect(defaultListKey(undefined)).toBeUndefined();
  });
});
