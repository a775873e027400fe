import { describe, expect, it } from "vitest";
import {
  attachmentErrors,
  buildSendBody,
  buildTemplateBody,
  emptyCompose,
  emptyEnvelope,
  headersFromRows,
  metadataFromRows,
  parseModel,
  templateRef,
} from "./send-form";
import { base64Size, chunk, isForbiddenAttachment, MAX_MESSAGE_BYTES } from "./send-limits";
import { sendSearch } from "./send-search";

const filled = {
  ...emptyCompose,
  From: "hello@lumen.example",
  To: " ada@example.com ",
  Subject: "Hi",
  TextBody: "Hello",
};

describe("metadata and header rows", () => {
  it("reads rows, skipping blank ones", () => {
    expect(
      metadataFromRows([
        { key: "order", value: " 42 " },
        { key: "", value: "" },
        { key: " customer ", value: "ada" },
      ]),
    ).toEqual({ value: { order: "42", customer: "ada" } });
    expect(metadataFromRows([{ key: " ", value: "" }])).toEqual({});
  });
  it("says which row is wrong", () => {
    expect(
      metadataFromRows([
        { key: "a", value: "1" },
        { key: "", value: "x" },
      ]).error,
    ).toMatch(/Row 2/);
    expect(
      metadataFromRows([
        { key: "a", value: "1" },
        { key: "a", value: "2" },
      ]).error,
    ).toMatch(/twice/);
  });
  it("builds Postmark's header list and refuses bad names", () => {
    expect(headersFromRows([{ key: "X-Campaign", value: "spring" }])).toEqual({
      value: [{ Name: "X-Campaign", Value: "spring" }],
    });
    expect(headersFromRows([{ key: "", value: "x" }]).error).toMatch(/name is empty/);
    expect(headersFromRows([{ key: "Bad Name", value: "x" }]).error).toMatch(/not a valid header name/);
  });
});

describe("attachments", () => {
  const file = (Name: string, size: number) => ({
    Name,
    ContentType: "application/octet-stream",
    Content: "A".repeat(base64Size(size)),
    size,
  });
  it("refuses Postmark's forbidden file types, whatever the case", () => {
    expect(isForbiddenAttachment("setup.EXE")).toBe(true);
    expect(isForbiddenAttachment("report.pdf")).toBe(false);
    expect(isForbiddenAttachment("exe")).toBe(false);
    expect(attachmentErrors([file("a.pdf", 10), file("run.bat", 10)])).toMatch(/run\.bat/);
    const r = buildSendBody({ ...filled, Attachments: [file("tool.msi", 3)] });
    expect(!r.ok && r.errors.Attachments).toMatch(/tool\.msi/);
  });
  it("counts the encoded message against the 10 MB limit", () => {
    const ok = buildSendBody({ ...filled, Attachments: [file("a.pdf", 6_000_000)] });
    expect(ok.ok && ok.body.Attachments?.[0]).toMatchObject({ Name: "a.pdf", ContentType: "application/octet-stream" });
    expect(ok.ok && "size" in (ok.body.Attachments?.[0] ?? {})).toBe(false);
    const big = buildSendBody({ ...filled, Attachments: [file("a.pdf", Math.ceil((MAX_MESSAGE_BYTES * 3) / 4))] });
    expect(!big.ok && big.errors.Attachments).toMatch(/at most 10\.00 MB/);
  });
});

describe("chunk", () => {
  it("splits into Postmark-sized batches", () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    expect(chunk(items, 500).map((c) => c.length)).toEqual([500, 500, 1]);
    expect(chunk([], 500)).toEqual([]);
    expect(() => chunk(items, 0)).toThrow();
  });
});

describe("buildSendBody", () => {
  it("trims addresses and leaves out what was left blank", () => {
    const r = buildSendBody(filled);
    expect(r).toEqual({
      ok: true,
      body: {
        From: "hello@lumen.example",
        To: "ada@example.com",
        Subject: "Hi",
        TextBody: "Hello",
        TrackOpens: true,
        TrackLinks: "None",
        MessageStream: "outbound",
      },
    });
  });
  it("requires From, To and a body", () => {
    const r = buildSendBody(emptyCompose);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["From", "HtmlBody", "To"]);
  });
  it("applies the catalog's metadata limits", () => {
    const r = buildSendBody({ ...filled, Metadata: [{ key: "k".repeat(21), value: "v" }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.Metadata).toBeDefined();
    const ok = buildSendBody({
      ...filled,
      Metadata: [{ key: "order", value: "42" }],
      Cc: "c@example.com",
      Bcc: "b@example.com",
      ReplyTo: "r@example.com",
      Headers: [{ key: "X-A", value: "1" }],
    });
    expect(ok.ok && ok.body).toMatchObject({
      Metadata: { order: "42" },
      Cc: "c@example.com",
      Bcc: "b@example.com",
      ReplyTo: "r@example.com",
      Headers: [{ Name: "X-A", Value: "1" }],
    });
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
    const r = buildTemplateBody({ ...emptyEnvelope, From: "a@lumen.example", To: "b@example.com" }, "welcome", {
      value: { name: "Ada", items: [{ t: "x" }] },
    });
    expect(r).toEqual({
      ok: true,
      body: {
        From: "a@lumen.example",
        To: "b@example.com",
        TemplateAlias: "welcome",
        TemplateModel: { name: "Ada", items: [{ t: "x" }] },
        TrackOpens: true,
        TrackLinks: "None",
        MessageStream: "outbound",
      },
    });
  });
  it("reports a missing template and a broken model", () => {
    const r = buildTemplateBody({ ...emptyEnvelope, From: "a@x.io", To: "b@x.io" }, undefined, parseModel("{"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["Template", "TemplateModel"]);
  });
  it("keeps a valid mode in the URL and falls back otherwise", () => {
    expect(sendSearch.parse({ mode: "template", template: "welcome" })).toEqual({
      mode: "template",
      template: "welcome",
    });
    expect(sendSearch.parse({ mode: "nonsense" })).toEqual({ mode: "compose" });
    expect(sendSearch.parse({ mode: "batch" })).toEqual({ mode: "batch" });
    expect(sendSearch.parse({ template: 12 })).toEqual({ mode: "compose", template: "12" });
  });
});

describe("the recipient limit", () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@example.com`).join(", ");
  it("refuses more than 50 recipients across To, Cc and Bcc before sending, under To", () => {
    const r = buildSendBody({ ...filled, To: list(30), Cc: list(20), Bcc: "one-more@example.com" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.To).toMatch(/51 recipients together; Postmark accepts at most 50/);
    expect(buildSendBody({ ...filled, To: list(30), Cc: list(20) }).ok).toBe(true);
  });
  it("applies to templated sends", () => {
    const r = buildTemplateBody({ ...emptyEnvelope, From: "hello@lumen.example", To: list(51) }, "welcome", {
      value: {},
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.To).toMatch(/51 recipients/);
  });
});
