import { describe, expect, it } from "vitest";
import { z } from "zod";
import { operationList } from "@/contract/postmark";
import { queryBoolean } from "@/contract/postmark/shared";
import { extractFields, isObjectSchema } from "./zod-fields";

describe("extractFields", () => {
  const schema = z.object({
    count: z.coerce.number().int().min(1).max(500),
    name: z.string(),
    tag: z.string().optional(),
    inactive: queryBoolean.optional(),
    type: z.enum(["HardBounce", "Transient"]).optional(),
    color: z.enum(["Red", "Blue"]).default("Blue"),
    metadata: z.record(z.string(), z.string()).optional(),
    to: z.array(z.string()),
    replyTo: z.string().nullable().optional(),
    track: z.boolean(),
  });
  const fields = Object.fromEntries(extractFields(schema).map((f) => [f.name, f]));

  it("keeps declaration order", () => {
    expect(extractFields(schema).map((f) => f.name)).toEqual(Object.keys(schema.shape));
  });
  it("reads numbers with their integer flag and bounds", () => {
    expect(fields.count).toMatchObject({ kind: "number", required: true, integer: true, min: 1, max: 500 });
  });
  it("marks optional and defaulted fields as not required", () => {
    expect(fields.name).toMatchObject({ kind: "string", required: true });
    expect(fields.tag).toMatchObject({ kind: "string", required: false });
    expect(fields.color).toMatchObject({
      kind: "enum",
      required: false,
      defaultValue: "Blue",
      options: ["Red", "Blue"],
    });
  });
  it("treats Postmark's query booleans as switches and enums as selects", () => {
    expect(fields.inactive).toMatchObject({ kind: "boolean", required: false });
    expect(fields.track).toMatchObject({ kind: "boolean", required: true });
    expect(fields.type).toMatchObject({ kind: "enum", options: ["HardBounce", "Transient"] });
  });
  it("edits nested values as JSON and sees through nullable", () => {
    expect(fields.metadata?.kind).toBe("json");
    expect(fields.to?.kind).toBe("json");
    expect(fields.replyTo).toMatchObject({ kind: "string", required: false, nullable: true });
  });
  it("sees through refinements and ignores missing schemas", () => {
    expect(extractFields(z.object({ a: z.string() }).refine(() => true)).map((f) => f.name)).toEqual(["a"]);
    expect(extractFields(undefined)).toEqual([]);
    expect(isObjectSchema(z.array(z.string()))).toBe(false);
  });
  it("gives every catalog field a kind", () => {
    for (const op of operationList) {
      for (const schema of [op.params, op.query, op.body]) {
        if (!schema || !isObjectSchema(schema)) continue;
        for (const f of extractFields(schema))
          expect(["string", "number", "boolean", "enum", "json"]).toContain(f.kind);
      }
    }
  });
});

describe("list fields", () => {
  it("says what one item of a list is, so a value can become a one-item list", () => {
    const fields = extractFields(
      z.object({
        Suppressions: z.array(z.object({ EmailAddress: z.string(), Note: z.string().optional() })),
        Tags: z.array(z.string()).optional(),
        Other: z.object({ a: z.string() }),
      }),
    );
    expect(fields[0]).toMatchObject({
      name: "Suppressions",
      kind: "json",
      listItem: { kind: "object", keys: ["EmailAddress", "Note"], required: ["EmailAddress"] },
    });
    expect(fields[1]).toMatchObject({ name: "Tags", kind: "json", required: false, listItem: { kind: "value" } });
    expect(fields[2]!.listItem).toBeUndefined();
  });
});
