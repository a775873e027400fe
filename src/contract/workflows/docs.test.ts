import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dryRun } from "./dry-run";
import { validateWorkflow } from "./validate";

const docs = readFileSync(new URL("../../../docs/workflows.md", import.meta.url), "utf8");

describe("docs/workflows.md", () => {
  it("opens with a complete example that validates and dry-runs", () => {
    const block = /```json\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(block).toBeDefined();
    const example = JSON.parse(block!) as unknown;
    expect(validateWorkflow(example)).toMatchObject({ ok: true, problems: [] });
    const run = dryRun(example, {
      RecordType: "Bounce",
      ID: 7,
      Type: "SoftBounce",
      TypeCode: 4096,
      CanActivate: true,
      Email: "a@b.c",
      MessageID: "m",
      BouncedAt: "2024-01-01T00:00:00Z",
      ServerID: 1,
    });
    expect(run).toMatchObject({ ok: true, triggerMatched: true });
    expect(run.steps[0]!.request?.path).toBe("/bounces/7/activate");
  });

  it("documents every transform and operator", () => {
    for (const name of [
      "lowerCase",
      "upperCase",
      "trim",
      "domainOf",
      "localPartOf",
      "join",
      "split",
      "default",
      "first",
      "toNumber",
      "toString",
    ])
      expect(docs).toContain(`\`${name}\``);
    for (const op of ["equals", "notEquals", "contains", "oneOf", "greaterThan", "lessThan", "isEmpty", "isNotEmpty"])
      expect(docs).toContain(`\`${op}\``);
  });
});
