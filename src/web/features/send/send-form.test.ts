import { describe, expect, it } from "vitest";
import { buildSendBody, buildTemplateBody, emptyCompose, emptyEnvelope, parseMetadata, parseModel, templateRef } from "./send-form";
import { sendSearch } from "./send-search";

const filled = { ...emptyCompose, From: "hello@lumen.example", To: " ada@example.com ", Subject: "Hi", TextBody: "Hello" };

describe("parseMetadata", () => {
  it("reads key: value and key=value lines, skipping blanks", () => {
    expect(parseMetadata("order: 42\n\n  customer=ada  ")).toEqual({ value: { order: "42", customer: "ada" } });
    expect(parseMetadata("   ")).toEqual({});
  });
  it("says which line is wrong", () => {
    expect(parseMetadata("order: 1\njunk").error).toMatch(/Line 2/);
    expect(parseMetadata("a: 1\na: 2").error).toMatch(/twice/);
  });
});

describe("buildSendBody", () => {
  it("trims addresses and leaves out what was left blank", () => {
    const r = buildSendBody(filled);
    expect(r).toEqual({ ok: true, body: { From: "hello@lumen.example", To: "ada@example.com", Subject: "Hi", TextBody: "Hello", TrackOpens: true, TrackLinks: "None", MessageStream: "outbound" } });
  });
  it("requires From, To and a body", () => {
    const r = buildSendBody(emptyCompose);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["From", "HtmlBody", "To"]);
  });
  it("applies the catalog's metadata limits", () => {
    const r = buildSendBody({ ...filled, Metadata: `${"k".repeat(21)}: v` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.Metadata).toBeDefined();
    const ok = buildSendBody({ ...filled, Metadata: "order: 42" });
    expect(ok.ok && ok.body.Metadata).toEqual({ order: "42" });
  });
});

describe("templated sends", () => {
  it("picks TemplateId for digits and TemplateAlias otherwise", () => {
    expect(templateRef("12")).toEqual({ TemplateId: 12 });
    expect(templateRef("welcome-v2")).toEqual({ TemplateAlias: "welcome-v2" });
  });
  it("parses the model as a JSON object only", () => {
    expect(parseModel("")).toEqual({ value: {} });
    expect(parseModel("[1]").error).toMatch(/object/);
    expect(parseModel("{").error).toMatch(/Not valid JSON/);
  });
  it("builds the body with the template and model", () => {
    const r = buildTemplateBody({ ...emptyEnvelope, From: "a@lumen.example", To: "b@example.com" }, "welcome", '{"name":"Ada"}');
    expect(r).toEqual({ ok: true, body: { From: "a@lumen.example", To: "b@example.com", TemplateAlias: "welcome", TemplateModel: { name: "Ada" }, TrackOpens: true, TrackLinks: "None", MessageStream: "outbound" } });
  });
  it("reports a missing template and a broken model", () => {
    const r = buildTemplateBody({ ...emptyEnvelope, From: "a@x.io", To: "b@x.io" }, undefined, "{");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["Template", "TemplateModel"]);
  });
  it("keeps a valid mode in the URL and falls back otherwise", () => {
    expect(sendSearch.parse({ mode: "template", template: "welcome" })).toEqual({ mode: "template", template: "welcome" });
    expect(sendSearch.parse({ mode: "bulk" })).toEqual({ mode: "compose" });
    expect(sendSearch.parse({ template: 12 })).toEqual({ mode: "compose", template: "12" });
  });
});
