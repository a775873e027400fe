import { describe, expect, it } from "vitest";
import { formatNumber, htmlEncode } from "./format";
import { render } from "./index";

describe("render details beyond the vectors", () => {
  it("html: false leaves {{ x }} unescaped (text bodies, subjects)", () => {
    expect(render("{{x}} {{{x}}}", { x: "<b>&" }, { html: false })).toBe("<b>& <b>&");
  });

  it("never reads inherited properties", () => {
    expect(render("[{{constructor}}][{{__proto__}}][{{toString}}]", {})).toBe("[][][]");
  });

  it("handles an inverted section over an object as a negation", () => {
    expect(render("{{^a}}none{{/a}}{{#a}}{{b}}{{/a}}", { a: { b: 1 } })).toBe("1");
  });

  it("prints the parent with a bare ../", () => {
    expect(render("{{#a}}{{../}}{{/a}}", { a: { x: 1 } })).toBe("");
    expect(render("{{#each a}}{{#b}}{{../}}{{/b}}{{/each}}", { a: [{ b: "x" }] })).toBe("");
  });
});

describe("number formatting (.NET Core ToString)", () => {
  it.each([
    [3, "3"],
    [-5, "-5"],
    [12.5, "12.5"],
    [0.1 + 0.2, "0.30000000000000004"],
    [0.0001, "0.0001"],
    [0.00001, "1E-05"],
    [1.5e20, "1.5E+20"],
    [12345678901, "12345678901"],
    [-0, "0"],
  ])("%s -> %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe("htmlEncode (.NET WebUtility)", () => {
  it("turns a lone surrogate into U+FFFD and pairs into one entity", () => {
    expect(htmlEncode("a\ud800b\ud83d\ude00")).toBe("a\ufffdb&#128512;");
  });
});
