import { describe, expect, it } from "vitest";
import { resolveParams, resolveReference, type MappingContext } from "./mapping";
import type { ParamValue } from "./schema";
import { parseTemplate } from "./template-syntax";

const context: MappingContext = {
  trigger: {
    FromName: "Ann",
    FromFull: { Email: "Ann@Example.com" },
    Email: "bob@example.org",
    ID: 692560173,
    Metadata: { orderId: "A-1" },
    ToFull: [{ Email: "x@in.com" }, { Email: "y@in.com" }],
    Tag: null,
  },
  steps: { lookup: { TotalCount: 2, Bounces: [{ ID: 11, Type: "HardBounce" }] }, batch: [{ MessageID: "m1" }] },
};

const m = (path: string, from: `step:${string}` | "trigger" = "trigger", transforms?: never[] | object[]): ParamValue =>
  ({ $map: { from, path, ...(transforms ? { transforms } : {}) } }) as ParamValue;

describe("resolveParams", () => {
  it("passes literals through", () => {
    expect(resolveParams({ a: 1, b: [true, null, "x"] }, context)).toEqual({
      value: { a: 1, b: [true, null, "x"] },
      problems: [],
    });
  });

  it("resolves nested paths, array indices and step references inside trees", () => {
    const tree: ParamValue = {
      To: m("FromFull.Email"),
      Order: m("Metadata.orderId"),
      Second: m("ToFull[1].Email"),
      All: m("ToFull[*].Email"),
      Bounce: m("Bounces[0].ID", "step:lookup"),
      First: m("[0].MessageID", "step:batch"),
      Suppressions: [{ EmailAddress: m("Email") }],
    };
    expect(resolveParams(tree, context)).toEqual({
      value: {
        To: "Ann@Example.com",
        Order: "A-1",
        Second: "y@in.com",
        All: ["x@in.com", "y@in.com"],
        Bounce: 11,
        First: "m1",
        Suppressions: [{ EmailAddress: "bob@example.org" }],
      },
      problems: [],
    });
  });

  it("keeps null and applies transforms", () => {
    expect(resolveParams(m("Tag"), context).value).toBeNull();
    expect(resolveParams(m("FromFull.Email", "trigger", [{ type: "domainOf" }]), context).value).toBe("example.com");
    expect(resolveParams(m("ToFull[*].Email", "trigger", [{ type: "join", separator: " " }]), context).value).toBe(
      "x@in.com y@in.com",
    );
  });

  it("interpolates templates with transforms and defaults", () => {
    const tree: ParamValue = {
      $template:
        'Hello {{trigger.FromName}} from {{ trigger.FromFull.Email | domainOf }}, {{trigger.Nick | default:"friend"}}: {{step:lookup.TotalCount}} bounces ({{step:lookup.Bounces[0]}})',
    };
    expect(resolveParams(tree, context)).toEqual({
      value: 'Hello Ann from example.com, friend: 2 bounces ({"ID":11,"Type":"HardBounce"})',
      problems: [],
    });
  });

  it("reports unresolvable paths with where they sit, and leaves the key out", () => {
    const r = resolveParams({ To: m("Nope"), List: [m("Missing")], Keep: "x" }, context, "body");
    expect(r.value).toEqual({ List: [null], Keep: "x" });
    expect(r.problems).toEqual([
      { at: "body.To", kind: "unresolved", message: "trigger.Nope is missing" },
      { at: "body.List[0]", kind: "unresolved", message: "trigger.Missing is missing" },
    ]);
  });

  it("reports a step that has not run", () => {
    const r = resolveParams(m("ID", "step:later"), context);
    expect(r.problems[0]).toMatchObject({ kind: "unresolved", message: expect.stringContaining("later") });
  });

  it("does not report a missing value covered by default", () => {
    expect(resolveParams(m("Nope", "trigger", [{ type: "default", value: 5 }]), context)).toEqual({
      value: 5,
      problems: [],
    });
    expect(resolveParams(m("ID", "step:later", [{ type: "default", value: 0 }]), context)).toEqual({
      value: 0,
      problems: [],
    });
  });

  it("reports a transform on the wrong type", () => {
    const r = resolveParams({ Domain: m("ID", "trigger", [{ type: "domainOf" }]) }, context);
    expect(r.value).toEqual({});
    expect(r.problems).toEqual([
      { at: "Domain", kind: "transform", message: "trigger.ID: domainOf needs text, got a number" },
    ]);
  });

  it("reports missing template values and syntax errors", () => {
    const missing = resolveParams({ $template: "Hi {{trigger.Nope}}!" }, context);
    expect(missing.value).toBe("Hi !");
    expect(missing.problems[0]?.kind).toBe("unresolved");
    expect(resolveParams({ $template: "Hi {{trigger.FromName" }, context).problems[0]?.kind).toBe("syntax");
    expect(resolveParams({ $template: "Hi {{event.FromName}}" }, context).problems[0]?.kind).toBe("syntax");
    expect(resolveParams(m("a..b"), context).problems[0]?.kind).toBe("syntax");
  });

  it("resolves a whole source with an empty path", () => {
    expect(resolveReference({ from: "step:lookup", path: "" }, context).value).toEqual(context.steps.lookup);
  });
});

describe("parseTemplate", () => {
  it("splits text and references with transforms", () => {
    const parsed = parseTemplate('A {{step:s1.Items[0] | join:", " | upperCase}} B');
    expect(parsed).toEqual({
      ok: true,
      parts: [
        "A ",
        {
          from: "step:s1",
          path: "Items[0]",
          transforms: [{ type: "join", separator: ", " }, { type: "upperCase" }],
          raw: 'step:s1.Items[0] | join:", " | upperCase',
        },
        " B",
      ],
    });
  });

  it("rejects unknown transforms, missing defaults and arguments where none are taken", () => {
    expect(parseTemplate("{{trigger.A | shout}}").ok).toBe(false);
    expect(parseTemplate("{{trigger.A | default}}").ok).toBe(false);
    expect(parseTemplate('{{trigger.A | lowerCase:"x"}}').ok).toBe(false);
  });

  it("accepts text without placeholders and single-quoted arguments", () => {
    expect(parseTemplate("plain")).toEqual({ ok: true, parts: ["plain"] });
    const p = parseTemplate("{{trigger.A | default:'n/a'}}");
    expect(p.ok && p.parts[0]).toMatchObject({ transforms: [{ type: "default", value: "n/a" }] });
  });
});
