import { describe, expect, it } from "vitest";
import { TemplateSyntaxError, countContentPlaceholders, renderWithLayout, validate, validateLayout } from "./index";

describe("layouts", () => {
  it("counts placeholders written with or without spaces", () => {
    expect(countContentPlaceholders("<body>{{{ @content }}}</body>")).toBe(1);
    expect(countContentPlaceholders("{{{@content}}}{{{\t@content\n}}}")).toBe(2);
    expect(countContentPlaceholders("{{ @content }} @content")).toBe(0);
  });

  it("renders the layout's own variables and escapes per tag", () => {
    const layout = "<title>{{title}}</title>{{{ @content }}}<footer>{{{footer}}}</footer>";
    expect(renderWithLayout(layout, "<p>{{body}}</p>", { title: "A&B", body: "<x>", footer: "<i>f</i>" })).toBe(
      "<title>A&amp;B</title><p>&lt;x&gt;</p><footer><i>f</i></footer>",
    );
  });

  it("respects html: false for text layouts", () => {
    expect(
      renderWithLayout("{{{@content}}}\n--\n{{sig}}", "Hi {{name}}", { name: "<Bob>", sig: "&" }, { html: false }),
    ).toBe("Hi <Bob>\n--\n&");
  });

  it("renders the layout alone when it has no placeholder", () => {
    expect(renderWithLayout("only {{x}}", "dropped", { x: 1 })).toBe("only 1");
  });

  it("reports content errors with positions in the content", () => {
    try {
      renderWithLayout("<b>{{{ @content }}}</b>", "ok\n {{#each}}", {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateSyntaxError);
      expect([(error as TemplateSyntaxError).line, (error as TemplateSyntaxError).position]).toEqual([2, 2]);
    }
  });

  it("keeps child blocks separate from layout blocks", () => {
    expect(() => renderWithLayout("{{#a}}{{{ @content }}}", "{{/a}}", {})).toThrow(TemplateSyntaxError);
  });

  it("validateLayout accepts the placeholder that plain validate rejects", () => {
    expect(validateLayout("<b>{{{ @content }}}</b>").valid).toBe(true);
    expect(validate("<b>{{{ @content }}}</b>").valid).toBe(false);
  });
});
