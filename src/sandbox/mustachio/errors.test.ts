import { describe, expect, it } from "vitest";
import { TemplateRenderError, TemplateSyntaxError, render, validate } from "./index";

function syntaxError(template: string): TemplateSyntaxError {
  try {
    render(template, {});
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
  throw new Error("expected a TemplateSyntaxError");
}

describe("syntax errors", () => {
  it("carries the first error's line and 1-based position", () => {
    const err = syntaxError("Hello\r\n  {{first-name}}\n{{ok}}");
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("TemplateSyntaxError");
    expect(err.line).toBe(2);
    expect(err.position).toBe(3);
    expect(err.message).toBe(
      "The path 'first-name' is not valid. Please see documentation for examples of valid paths.",
    );
  });

  it("reports an unclosed inverted section at its opening tag", () => {
    const err = syntaxError("a\nb {{^items}}none");
    expect([err.line, err.position]).toEqual([2, 3]);
    expect(err.message).toContain("opened but not closed: 'items'");
  });

  it("sorts several errors by line, then position", () => {
    const err = syntaxError("{{#a}}\n{{b c}} {{/x}}");
    expect(err.errors.map((e) => [e.Line, e.CharacterPosition])).toEqual([
      [1, 1],
      [2, 1],
      [2, 9],
    ]);
  });

  it("rejects a tab after each", () => {
    expect(syntaxError("{{#each\titems}}{{/each}}").message).toContain("requires a model path");
  });

  it("treats a tag with a brace inside as literal text, not an error", () => {
    expect(render("{{! {x} }}", {})).toBe("{{! {x} }}");
  });
});

describe("validate", () => {
  it("returns Postmark's ValidationErrors shape", () => {
    expect(validate("x {{#each}}")).toEqual({
      valid: false,
      errors: [
        {
          Message: "The 'each' block being opened requires a model path to be specified in the form '{#each <name>}'.",
          Line: 1,
          CharacterPosition: 3,
        },
        {
          Message:
            "A scope block to the following path was opened but not closed: 'each', please close it using the appropriate syntax.",
          Line: 1,
          CharacterPosition: 3,
        },
      ],
    });
  });

  it("accepts a valid template", () => {
    expect(validate("{{#a}}{{b}}{{^a}}{{../c}}{{/a}}{{#each d}}{{.}}{{/each}}")).toEqual({ valid: true, errors: [] });
  });

  it("does not look at the model, so each over a scalar is valid", () => {
    expect(validate("{{#each x}}{{/each}}").valid).toBe(true);
  });
});

describe("render errors", () => {
  it("throws TemplateRenderError when each meets a scalar", () => {
    expect(() => render("{{#each n}}x{{/each}}", { n: 5 })).toThrow(TemplateRenderError);
    const error = (() => {
      try {
        return render("{{#each s}}x{{/each}}", { s: "abc" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect((error as TemplateRenderError).message).toBe("s");
    expect((error as TemplateRenderError).detail).toBe(
      "'s' is used like an array by the template, but is a scalar value or object in your model.",
    );
  });
});
