import { describe, expect, it } from "vitest";
import { instantiateTemplate } from "@/contract/workflows";
import { fileNameFor, parseDocumentFile } from "./document-file";

describe("import validation", () => {
  it("accepts an exported document as written", () => {
    const doc = instantiateTemplate("bounce-reactivate-soft")!;
    const r = parseDocumentFile(JSON.stringify(doc));
    expect(r).toEqual({ ok: true, doc });
  });

  it("says when the file is not JSON", () => {
    const r = parseDocumentFile("{ nope");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/not JSON/);
  });

  it("lists every schema issue with where it is", () => {
    const r = parseDocumentFile(
      JSON.stringify({
        version: 1,
        name: "",
        trigger: { type: "nope" },
        steps: [{ id: "1bad", kind: "action", operationId: "no.such" }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.startsWith("name:"))).toBe(true);
    expect(r.errors.some((e) => e.startsWith("trigger.type:"))).toBe(true);
    expect(r.errors.some((e) => e.startsWith("steps[0]"))).toBe(true);
  });

  it("names the download after the workflow", () => {
    expect(fileNameFor({ version: 1, name: "Reactivate soft bounces!", trigger: { type: "bounce" }, steps: [] })).toBe(
      "reactivate-soft-bounces.workflow.json",
    );
  });
});
