import { describe, expect, it } from "vitest";
import type { StudioState } from "@/contract/api/template-studio";
import { planRows } from "./plan";
import type { TemplateFile } from "./template-files";

const file = (alias: string | null, over: Partial<TemplateFile> = {}): TemplateFile => ({
  Name: alias ?? "n",
  Alias: alias,
  TemplateType: "Standard",
  Subject: "s",
  LayoutTemplate: null,
  HtmlBody: "<p>x</p>",
  TextBody: "x",
  ...over,
});
const state = (f: TemplateFile): StudioState => ({
  template: { ...f, TemplateId: 1, AssociatedServerId: 2 },
  hash: "h",
  versionId: 1,
  changed: false,
});

describe("planRows", () => {
  it("creates what is missing, updates what differs, leaves equal ones, refuses a type change, layouts first", () => {
    const existing = new Map([
      ["same", state(file("same"))],
      ["changed", state(file("changed"))],
      ["kind", state(file("kind", { TemplateType: "Layout" }))],
    ]);
    const rows = planRows(
      [
        file("same"),
        file("Changed", { HtmlBody: "<p>y</p>" }),
        file("new"),
        file("kind"),
        file("lay", { TemplateType: "Layout" }),
        file(null),
      ],
      existing,
    );
    expect(rows.map((r) => [r.key, r.action])).toEqual([
      ["lay", "create"],
      ["same", "unchanged"],
      ["Changed", "update"],
      ["new", "create"],
      ["kind", "type-mismatch"],
      ["#5:n", "create"],
    ]);
  });
});
