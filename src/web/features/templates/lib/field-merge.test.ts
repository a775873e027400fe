import { describe, expect, it } from "vitest";
import { applyMerge, planMerge, type FieldTexts } from "./field-merge";

const base: FieldTexts = {
  Name: "Welcome",
  Alias: "welcome",
  Subject: "Hi",
  LayoutTemplate: "",
  HtmlBody: "<h1>Hi</h1>\n<p>one</p>\n<hr>\n<p>two</p>\n",
  TextBody: "Hi\n",
};

describe("planMerge", () => {
  it("takes each side's own changes and says who changed what", () => {
    const mine = { ...base, Subject: "Hello", HtmlBody: "<h1>Hi</h1>\n<p>ONE</p>\n<hr>\n<p>two</p>\n" };
    const theirs = { ...base, Name: "Welcome!", HtmlBody: "<h1>Hi</h1>\n<p>one</p>\n<hr>\n<p>TWO</p>\n" };
    const plan = planMerge(base, mine, theirs);
    expect(Object.fromEntries(plan.map((f) => [f.field, f.status]))).toEqual({
      Name: "theirs",
      Alias: "unchanged",
      Subject: "mine",
      LayoutTemplate: "unchanged",
      HtmlBody: "merged",
      TextBody: "unchanged",
    });
    expect(applyMerge(plan, {})).toEqual({
      ...base,
      Name: "Welcome!",
      Subject: "Hello",
      HtmlBody: "<h1>Hi</h1>\n<p>ONE</p>\n<hr>\n<p>TWO</p>\n",
    });
  });

  it("like diff3, counts changes to adjacent lines as a conflict", () => {
    const plan = planMerge(
      base,
      { ...base, HtmlBody: "<h1>HI</h1>\n<p>one</p>\n<hr>\n<p>two</p>\n" },
      { ...base, HtmlBody: "<h1>Hi</h1>\n<p>uno</p>\n<hr>\n<p>two</p>\n" },
    );
    expect(plan.find((f) => f.field === "HtmlBody")?.status).toBe("conflict");
  });

  it("asks for a choice on each conflict and applies it", () => {
    const plan = planMerge(base, { ...base, Subject: "Mine" }, { ...base, Subject: "Theirs" });
    expect(plan.find((f) => f.field === "Subject")?.status).toBe("conflict");
    expect(applyMerge(plan, {})).toBeNull();
    expect(applyMerge(plan, { Subject: ["theirs"] })?.Subject).toBe("Theirs");
    expect(applyMerge(plan, { Subject: ["mine"] })?.Subject).toBe("Mine");
  });

  it("treats the same change on both sides as agreed", () => {
    const same = { ...base, TextBody: "Hello\n" };
    expect(planMerge(base, same, same).find((f) => f.field === "TextBody")?.status).toBe("same");
  });
});
