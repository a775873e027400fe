import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TemplateRenderError, TemplateSyntaxError, render, renderWithLayout } from "./index";

interface ExpectedError {
  error: string;
  phase: "parse" | "render";
  errors?: { message: string; line: number; character: number }[];
}

interface Vector {
  name: string;
  template: string;
  model: unknown;
  expected: string | ExpectedError;
  options?: { layout?: string; disableContentSafety?: boolean };
}

const vectors = JSON.parse(
  readFileSync(new URL("./fixtures/mustachio-vectors.json", import.meta.url), "utf8"),
) as Vector[];

function run(v: Vector): string {
  const html = !v.options?.disableContentSafety;
  return v.options?.layout !== undefined
    ? renderWithLayout(v.options.layout, v.template, v.model, { html })
    : render(v.template, v.model, { html });
}

describe("Mustachio vectors from Postmark's engine", () => {
  it("has all 79 vectors", () => {
    expect(vectors).toHaveLength(79);
  });

  it.each(vectors.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const { expected } = v;
    if (typeof expected === "string") {
      expect(run(v)).toBe(expected);
      return;
    }
    let caught: unknown;
    try {
      run(v);
    } catch (error) {
      caught = error;
    }
    if (expected.phase === "render") {
      expect(caught).toBeInstanceOf(TemplateRenderError);
      expect((caught as TemplateRenderError).message).toBe(expected.error);
      return;
    }
    expect(caught).toBeInstanceOf(TemplateSyntaxError);
    const err = caught as TemplateSyntaxError;
    expect(err.message).toBe(expected.error);
    expect(err.errors.map((e) => ({ message: e.Message, line: e.Line, character: e.CharacterPosition }))).toEqual(
      expected.errors,
    );
  });
});
