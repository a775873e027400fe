import { describe, expect, it } from "vitest";
import { filterRules, ruleInput, ruleKind } from "./inbound-rules-shaping";
import { inboundRulesSearch } from "./inbound-rules-search";

const rules = [
  { ID: 1, Rule: "promo@spammy.biz" },
  { ID: 2, Rule: "spammy.biz" },
  { ID: 3, Rule: null },
];

describe("inbound rules shaping", () => {
  it("tells addresses from domains", () => {
    expect(ruleKind("a@b.com")).toBe("address");
    expect(ruleKind("b.com")).toBe("domain");
  });
  it("filters by kind", () => {
    expect(filterRules(rules, "all")).toHaveLength(3);
    expect(filterRules(rules, "address").map((r) => r.ID)).toEqual([1]);
    expect(filterRules(rules, "domain").map((r) => r.ID)).toEqual([2, 3]);
  });
  it("trims the rule and refuses blanks and spaces", () => {
    expect(ruleInput("  x.com ")).toEqual({ rule: "x.com" });
    expect(ruleInput("   ")).toHaveProperty("error");
    expect(ruleInput("a b.com")).toHaveProperty("error");
  });
  it("reads the URL leniently", () => {
    expect(inboundRulesSearch.parse({ page: "2", kind: "domain" })).toEqual({ page: 2, kind: "domain" });
    expect(inboundRulesSearch.parse({ page: "-1", kind: "nope" })).toEqual({ kind: "all" });
  });
});
