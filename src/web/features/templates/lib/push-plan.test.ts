import { describe, expect, it } from "vitest";
import type { StudioState } from "@/contract/api/template-studio";
import { planRows } from "./plan";
import { driftSince, postmarkVerdicts } from "./push-plan";
import type { TemplateFile } from "./template-files";

const file = (alias: string, over: Partial<TemplateFile> = {}): TemplateFile => ({
  Name: `Name ${alias}`,
  Alias: alias,
  TemplateType: "Standard",
  Subject: "s",
  LayoutTemplate: null,
  HtmlBody: "<p>x</p>",
  TextBody: "x",
  ...over,
});
const state = (f: TemplateFile, hash = "h", id = 1): StudioState => ({
  template: { ...f, TemplateId: id, AssociatedServerId: 2 },
  hash,
  versionId: 1,
  changed: false,
});

describe("postmarkVerdicts", () => {
  it("puts Postmark's own Action on each row by alias and says where it disagrees with Mailroom's diff", () => {
    const rows = planRows(
      [file("new"), file("edit", { HtmlBody: "<p>y</p>" }), file("same"), file("quiet", { HtmlBody: "<p>z</p>" })],
      new Map([
        ["edit", state(file("edit"))],
        ["same", state(file("same"))],
        ["quiet", state(file("quiet"))],
      ]),
    );
    const { byKey, unmatched } = postmarkVerdicts(rows, [
      { Action: "Create", Alias: "NEW", Name: "Name new", TemplateId: 0 },
      { Action: "Edit", Alias: "edit", Name: "Name edit", TemplateId: 7 },
      // Postmark would edit what Mailroom sees as equal (e.g. a field Mailroom does not compare).
      { Action: "Edit", Alias: "same", Name: "Name same", TemplateId: 8 },
      { Action: "Create", Alias: "elsewhere", Name: "Only Postmark", TemplateId: 0 },
    ]);
    expect(Object.fromEntries(byKey)).toEqual({
      new: { action: "Create", agrees: true },
      edit: { action: "Edit", agrees: true },
      same: { action: "Edit", agrees: false },
      // Mailroom would change it; Postmark's preview does not list it.
      quiet: { action: null, agrees: false },
    });
    expect(unmatched.map((t) => t.Alias)).toEqual(["elsewhere"]);
  });

  it("agrees on a row both leave alone", () => {
    const rows = planRows([file("same")], new Map([["same", state(file("same"))]]));
    expect(postmarkVerdicts(rows, []).byKey.get("same")).toEqual({ action: null, agrees: true });
  });
});

describe("driftSince", () => {
  it("names every template the push would touch that changed, appeared or went since the preview", () => {
    const before = new Map([
      ["kept", state(file("kept"), "a", 1)],
      ["edited", state(file("edited"), "b", 2)],
      ["gone", state(file("gone"), "c", 3)],
      ["replaced", state(file("replaced"), "d", 4)],
      ["untouched", state(file("untouched"), "e", 5)],
    ]);
    const after = new Map([
      ["kept", state(file("kept"), "a", 1)],
      ["edited", state(file("edited", { Subject: "theirs" }), "b2", 2)],
      ["replaced", state(file("replaced"), "d", 40)],
      ["fresh", state(file("Fresh"), "f", 6)],
      ["untouched", state(file("untouched"), "e-changed", 5)],
    ]);
    // "untouched" changed too, but the push does not touch it: only the source's aliases count.
    expect(driftSince(before, after, ["kept", "edited", "gone", "replaced", "fresh", "absent"])).toEqual([
      { alias: "edited", name: "Name edited", what: "changed" },
      { alias: "gone", name: "Name gone", what: "deleted" },
      { alias: "replaced", name: "Name replaced", what: "changed" },
      { alias: "Fresh", name: "Name Fresh", what: "created" },
    ]);
    expect(driftSince(before, before, before.keys())).toEqual([]);
  });
});
