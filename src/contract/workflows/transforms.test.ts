import { describe, expect, it } from "vitest";
import type { Transform } from "./schema";
import { applyTransform, applyTransforms, transformAccepts, transformedType } from "./transforms";

const run = (value: unknown, t: Transform) => applyTransform(value, t);

describe("applyTransform", () => {
  it.each<[string, unknown, Transform, unknown]>([
    ["lowerCase", "John@Example.COM", { type: "lowerCase" }, "john@example.com"],
    ["lowerCase on a list", ["A", "b"], { type: "lowerCase" }, ["a", "b"]],
    ["upperCase", "us", { type: "upperCase" }, "US"],
    ["trim", "  x ", { type: "trim" }, "x"],
    ["domainOf", "john@Example.COM", { type: "domainOf" }, "example.com"],
    ["domainOf with a display name", '"John" <john@mail.example.com>', { type: "domainOf" }, "mail.example.com"],
    ["localPartOf", "John.Doe+tag@example.com", { type: "localPartOf" }, "John.Doe+tag"],
    ["join with the default separator", ["a", "b", 3], { type: "join" }, "a, b, 3"],
    ["join with a separator", ["a", "b"], { type: "join", separator: ";" }, "a;b"],
    ["join on text", "a", { type: "join" }, "a"],
    ["split", "a, b,,c", { type: "split" }, ["a", "b", "c"]],
    ["split with a separator", "a;b", { type: "split", separator: ";" }, ["a", "b"]],
    ["default on missing", undefined, { type: "default", value: "there" }, "there"],
    ["default on null", null, { type: "default", value: 0 }, 0],
    ["default on empty text", "", { type: "default", value: "x" }, "x"],
    ["default keeps a value", "Ann", { type: "default", value: "there" }, "Ann"],
    ["first", ["a", "b"], { type: "first" }, "a"],
    ["first on an empty list", [], { type: "first" }, undefined],
    ["first on a scalar", "a", { type: "first" }, "a"],
    ["toNumber", " 42 ", { type: "toNumber" }, 42],
    ["toNumber on a number", 7, { type: "toNumber" }, 7],
    ["toString", 42, { type: "toString" }, "42"],
    ["toString on an object", { a: 1 }, { type: "toString" }, '{"a":1}'],
    ["toString on null", null, { type: "toString" }, ""],
    ["missing values pass through", undefined, { type: "lowerCase" }, undefined],
    ["null passes through", null, { type: "domainOf" }, null],
  ])("%s", (_label, input, t, expected) => {
    expect(run(input, t)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, Transform]>([
    ["lowerCase on a number", 5, { type: "lowerCase" }],
    ["lowerCase on a list of numbers", [1], { type: "lowerCase" }],
    ["domainOf without @", "nobody", { type: "domainOf" }],
    ["localPartOf without local part", "@example.com", { type: "localPartOf" }],
    ["join on a number", 5, { type: "join" }],
    ["split on a list", ["a"], { type: "split" }],
    ["toNumber on words", "abc", { type: "toNumber" }],
    ["toNumber on empty text", "", { type: "toNumber" }],
    ["toNumber on a boolean", true, { type: "toNumber" }],
  ])("fails on %s", (_label, input, t) => {
    const r = run(input, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
  });

  it("chains transforms and stops at the first failure", () => {
    expect(applyTransforms(" A@B.COM ", [{ type: "trim" }, { type: "domainOf" }, { type: "upperCase" }])).toEqual({
      ok: true,
      value: "B.COM",
    });
    expect(applyTransforms(undefined, [{ type: "lowerCase" }, { type: "default", value: "none" }])).toEqual({
      ok: true,
      value: "none",
    });
    expect(applyTransforms(5, [{ type: "split" }, { type: "join" }]).ok).toBe(false);
  });

  it("predicts output types and accepted inputs", () => {
    expect(transformedType("string", [{ type: "split" }, { type: "join" }])).toBe("string");
    expect(transformedType("string", [{ type: "toNumber" }])).toBe("number");
    expect(transformedType("unknown", [{ type: "default", value: "x" }])).toBe("unknown");
    expect(transformedType("string", [{ type: "default", value: "x" }])).toBe("string");
    expect(transformAccepts({ type: "domainOf" }, "number")).toBe(false);
    expect(transformAccepts({ type: "domainOf" }, "unknown")).toBe(true);
    expect(transformAccepts({ type: "toNumber" }, "object")).toBe(false);
  });
});
