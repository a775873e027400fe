import { describe, expect, it } from "vitest";
import {
  blankLike,
  getAt,
  labelFor,
  listItemTemplate,
  removeAt,
  setAt,
  toModelValue,
  type ModelValue,
} from "./model-form";

const suggested: ModelValue = {
  name: "name_Value",
  company: { name: "company.name_Value" },
  items: [{ title: "title_Value", qty: 1, tags: ["tag_Value"] }],
  vip: true,
};

describe("blankLike", () => {
  it("keeps the shape and empties the leaves", () => {
    expect(blankLike(suggested)).toEqual({
      name: "",
      company: { name: "" },
      items: [{ title: "", qty: 0, tags: [""] }],
      vip: false,
    });
    expect(blankLike(undefined)).toBe("");
  });
});

describe("setAt / getAt / removeAt", () => {
  it("replaces a nested value without touching the original", () => {
    const next = setAt(suggested, ["items", 0, "title"], "Lamp");
    expect(getAt(next, ["items", 0, "title"])).toBe("Lamp");
    expect(getAt(suggested, ["items", 0, "title"])).toBe("title_Value");
    expect(getAt(next, ["company", "name"])).toBe("company.name_Value");
  });
  it("appends at the end of a list and creates missing containers", () => {
    const grown = setAt(suggested, ["items", 1], { title: "B", qty: 2, tags: [] });
    expect((getAt(grown, ["items"]) as ModelValue[]).length).toBe(2);
    expect(setAt({}, ["a", "b"], "x")).toEqual({ a: { b: "x" } });
    expect(setAt({}, ["list", 0], "x")).toEqual({ list: ["x"] });
  });
  it("refuses paths that do not fit the value", () => {
    expect(() => setAt("text", ["a"], 1)).toThrow();
    expect(() => setAt([], [3], 1)).toThrow();
  });
  it("removes a list item", () => {
    const two = setAt(suggested, ["items", 1], { title: "B", qty: 2, tags: [] });
    expect(getAt(removeAt(two, ["items", 0]), ["items", 0, "title"])).toBe("B");
    expect(() => removeAt(suggested, ["name"])).toThrow();
  });
});

describe("listItemTemplate", () => {
  it("takes new items' shape from the suggested model, for nested lists too", () => {
    expect(listItemTemplate(suggested, suggested, ["items"])).toEqual({ title: "", qty: 0, tags: [""] });
    const current = setAt(suggested, ["items", 1], { title: "B", qty: 2, tags: [] });
    expect(listItemTemplate(suggested, current, ["items", 1, "tags"])).toBe("");
  });
  it("falls back to the list's own first item, then to text", () => {
    expect(listItemTemplate(undefined, { xs: [{ a: 1 }] }, ["xs"])).toEqual({ a: 0 });
    expect(listItemTemplate(undefined, { xs: [] }, ["xs"])).toBe("");
  });
});

describe("labels and values", () => {
  it("turns keys into labels", () => {
    expect(labelFor("order_items")).toBe("Order items");
    expect(labelFor("firstName")).toBe("First name");
  });
  it("accepts any JSON", () => {
    expect(toModelValue({ a: [1, "x", null, { b: undefined }] })).toEqual({ a: [1, "x", null, { b: null }] });
  });
});
