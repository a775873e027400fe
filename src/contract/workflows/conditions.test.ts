import { describe, expect, it } from "vitest";
import { evaluateConditions, explainConditions, testRule } from "./conditions";
import type { ConditionRule } from "./schema";

const event = {
  Type: "SoftBounce",
  TypeCode: 4096,
  Email: "John@Example.com",
  Tag: "",
  CanActivate: true,
  ReadSeconds: "12",
  BouncedAt: "2024-05-01T10:00:00Z",
  Metadata: { plan: "team" },
  Recipients: ["a@x.com", "B@x.com"],
  Nothing: null,
};

const rule = (field: string, op: ConditionRule["op"], value?: ConditionRule["value"]): ConditionRule => ({
  field,
  op,
  ...(value === undefined ? {} : { value }),
});
const one = (r: ConditionRule) => evaluateConditions({ mode: "all", rules: [r] }, event);

describe("operators", () => {
  it("equals ignores case and compares numbers numerically", () => {
    expect(one(rule("Type", "equals", "softbounce"))).toBe(true);
    expect(one(rule("TypeCode", "equals", "4096"))).toBe(true);
    expect(one(rule("TypeCode", "equals", 4096.0))).toBe(true);
    expect(one(rule("CanActivate", "equals", true))).toBe(true);
    expect(one(rule("CanActivate", "equals", "true"))).toBe(true);
    expect(one(rule("Nothing", "equals", null))).toBe(true);
    expect(one(rule("Missing", "equals", null))).toBe(true);
    expect(one(rule("Type", "equals", "HardBounce"))).toBe(false);
    expect(one(rule("Metadata", "equals", "team"))).toBe(false);
    expect(one(rule("Recipients", "equals", ["A@x.com", "b@x.com"]))).toBe(true);
  });

  it("notEquals is the opposite of equals, missing fields included", () => {
    expect(one(rule("Type", "notEquals", "HardBounce"))).toBe(true);
    expect(one(rule("Type", "notEquals", "SOFTBOUNCE"))).toBe(false);
    expect(one(rule("Missing", "notEquals", "x"))).toBe(true);
  });

  it("contains finds text case-insensitively, or an element of a list", () => {
    expect(one(rule("Email", "contains", "@example.COM"))).toBe(true);
    expect(one(rule("Email", "contains", "gmail"))).toBe(false);
    expect(one(rule("Recipients", "contains", "b@x.com"))).toBe(true);
    expect(one(rule("Recipients", "contains", "x.com"))).toBe(false);
    expect(one(rule("Missing", "contains", "x"))).toBe(false);
    expect(one(rule("Metadata", "contains", "team"))).toBe(false);
  });

  it("oneOf takes a list or comma-separated text", () => {
    expect(one(rule("Type", "oneOf", ["HardBounce", "SoftBounce"]))).toBe(true);
    expect(one(rule("Type", "oneOf", "HardBounce, softbounce"))).toBe(true);
    expect(one(rule("TypeCode", "oneOf", [1, 4096]))).toBe(true);
    expect(one(rule("Type", "oneOf", "HardBounce,Transient"))).toBe(false);
    expect(one(rule("Missing", "oneOf", ["x"]))).toBe(false);
  });

  it("greaterThan and lessThan compare numbers, numeric text and ISO dates", () => {
    expect(one(rule("TypeCode", "greaterThan", 100))).toBe(true);
    expect(one(rule("ReadSeconds", "greaterThan", "9"))).toBe(true);
    expect(one(rule("ReadSeconds", "lessThan", 100))).toBe(true);
    expect(one(rule("BouncedAt", "greaterThan", "2024-01-01"))).toBe(true);
    expect(one(rule("BouncedAt", "lessThan", "2024-01-01T00:00:00Z"))).toBe(false);
    expect(one(rule("Type", "greaterThan", 1))).toBe(false);
    expect(one(rule("Missing", "lessThan", 1))).toBe(false);
  });

  it("isEmpty covers missing, null, empty text, empty lists and objects", () => {
    expect(one(rule("Tag", "isEmpty"))).toBe(true);
    expect(one(rule("Nothing", "isEmpty"))).toBe(true);
    expect(one(rule("Missing", "isEmpty"))).toBe(true);
    expect(testRule("isEmpty", [], undefined)).toBe(true);
    expect(testRule("isEmpty", {}, undefined)).toBe(true);
    expect(one(rule("Type", "isEmpty"))).toBe(false);
    expect(one(rule("TypeCode", "isNotEmpty"))).toBe(true);
    expect(testRule("isEmpty", 0, undefined)).toBe(false);
    expect(testRule("isEmpty", false, undefined)).toBe(false);
    expect(one(rule("Missing", "isNotEmpty"))).toBe(false);
  });

  it("reads nested paths", () => {
    expect(one(rule("Metadata.plan", "equals", "Team"))).toBe(true);
    expect(one(rule("Recipients[1]", "equals", "b@x.com"))).toBe(true);
  });
});

describe("all and any", () => {
  const yes = rule("Type", "equals", "SoftBounce");
  const no = rule("Type", "equals", "HardBounce");
  it("all needs every rule, any needs one", () => {
    expect(evaluateConditions({ mode: "all", rules: [yes, no] }, event)).toBe(false);
    expect(evaluateConditions({ mode: "any", rules: [yes, no] }, event)).toBe(true);
    expect(evaluateConditions({ mode: "any", rules: [no, no] }, event)).toBe(false);
    expect(evaluateConditions({ rules: [yes] }, event)).toBe(true);
  });

  it("no rules match everything", () => {
    expect(evaluateConditions({ mode: "all", rules: [] }, event)).toBe(true);
    expect(evaluateConditions({ mode: "any", rules: [] }, event)).toBe(true);
  });

  it("reads an earlier step's response when a rule names it", () => {
    const r: ConditionRule = { from: "step:lookup", field: "TotalCount", op: "greaterThan", value: 0 };
    expect(evaluateConditions({ rules: [r] }, event, { lookup: { TotalCount: 2 } })).toBe(true);
    expect(evaluateConditions({ rules: [r] }, event, {})).toBe(false);
  });

  it("explains each rule with the value it read", () => {
    const result = explainConditions({ mode: "all", rules: [yes, no] }, event);
    expect(result.rules.map((r) => [r.matched, r.actual])).toEqual([
      [true, "SoftBounce"],
      [false, "SoftBounce"],
    ]);
  });
});
