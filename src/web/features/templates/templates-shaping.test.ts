import { describe, expect, it } from "vitest";
import {
  createTemplateBody,
  emptyForm,
  formFor,
  parseModel,
  partErrors,
  updateTemplateBody,
  validateBody,
} from "./templates-shaping";
import { templatesSearch } from "./templates-search";

describe("template bodies", () => {
  it("creates a standard template with its layout", () => {
    const r = createTemplateBody({
      ...emptyForm,
      Name: " Hi ",
      Alias: "hi",
      Subject: "Hi {{name}}",
      LayoutTemplate: "basic-layout",
    });
    expect(r.ok && r.body).toMatchObject({
      Name: "Hi",
      Alias: "hi",
      Subject: "Hi {{name}}",
      TemplateType: "Standard",
      LayoutTemplate: "basic-layout",
    });
  });
  it("creates a layout without subject or layout", () => {
    const r = createTemplateBody({
      ...emptyForm,
      Name: "L",
      TemplateType: "Layout",
      Subject: "ignored",
      LayoutTemplate: "x",
      HtmlBody: "{{{ @content }}}",
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.body).not.toHaveProperty("Subject");
      expect(r.body).not.toHaveProperty("LayoutTemplate");
    }
  });
  it("explains missing fields and bad aliases", () => {
    const r = createTemplateBody({ ...emptyForm, Alias: "1x", HtmlBody: "", TextBody: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["Alias", "HtmlBody", "Name", "Subject"]);
  });
  it("updates with null for a cleared alias and layout", () => {
    const f = formFor({
      TemplateId: 1,
      Name: "W",
      Alias: "w",
      Subject: "S",
      HtmlBody: "<p/>",
      TextBody: "t",
      TemplateType: "Standard",
      LayoutTemplate: "basic-layout",
    });
    const r = updateTemplateBody({ ...f, Alias: "", LayoutTemplate: "" });
    expect(r.ok && r.body).toMatchObject({ Alias: null, LayoutTemplate: null });
  });
  it("validates with the test model", () => {
    expect(validateBody({ ...emptyForm, Subject: "S" }, { a: 1 })).toMatchObject({
      Subject: "S",
      TemplateType: "Standard",
      TestRenderModel: { a: 1 },
    });
  });
});

describe("validation helpers", () => {
  it("formats per-part errors with line and position", () => {
    expect(
      partErrors([
        { Message: "Unclosed block", Line: 3, CharacterPosition: 7 },
        { Message: "Bad", Line: null, CharacterPosition: null },
      ]),
    ).toEqual([
      { message: "Unclosed block", where: "line 3, position 7" },
      { message: "Bad", where: "" },
    ]);
  });
  it("parses the test model", () => {
    expect(parseModel("")).toEqual({ model: undefined });
    expect(parseModel('{"a":1}')).toEqual({ model: { a: 1 } });
    expect(parseModel("[1]")).toHaveProperty("error");
    expect(parseModel("{")).toHaveProperty("error");
  });
  it("reads the URL leniently", () => {
    expect(templatesSearch.parse({ type: "Layout", page: "2" })).toEqual({ type: "Layout", page: 2 });
    expect(templatesSearch.parse({ type: "x" })).toEqual({});
  });
});
