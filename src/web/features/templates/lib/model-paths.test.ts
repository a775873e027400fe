import { describe, expect, it } from "vitest";
import { modelPaths } from "./model-paths";

describe("modelPaths", () => {
  it("lists nested paths and the fields of list items relative to their each block", () => {
    const paths = modelPaths({
      name: "x",
      user: { email: "e", address: { city: "c" } },
      items: [{ sku: 1, price: 2 }],
    });
    expect(paths).toEqual([
      { label: "name", detail: "model" },
      { label: "user", detail: "model" },
      { label: "user.email", detail: "model" },
      { label: "user.address", detail: "model" },
      { label: "user.address.city", detail: "model" },
      { label: "items", detail: "list" },
      { label: "sku", detail: "inside {{#each items}}" },
      { label: "price", detail: "inside {{#each items}}" },
    ]);
  });
  it("copes with no model and stops at the limit", () => {
    expect(modelPaths(undefined)).toEqual([]);
    expect(modelPaths({ a: 1, b: 2, c: 3 }, 2)).toHaveLength(2);
  });
});

import { modelLeaves, setLeaf } from "./model-form";

describe("model form", () => {
  it("lists scalar leaves, including inside lists, and sets one keeping its type", () => {
    const model = { name: "Ada", count: 2, items: [{ sku: "a" }], ok: true };
    expect(modelLeaves(model).map((l) => l.path.join("."))).toEqual(["name", "count", "items.0.sku", "ok"]);
    expect(setLeaf(model, ["count"], "5", 2)).toEqual({ ...model, count: 5 });
    expect(setLeaf(model, ["count"], "five", 2)).toEqual({ ...model, count: "five" });
    expect(setLeaf(model, ["items", "0", "sku"], "b", "a").items).toEqual([{ sku: "b" }]);
    expect(model.items[0]!.sku).toBe("a");
  });
});
