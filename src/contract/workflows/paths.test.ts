import { describe, expect, it } from "vitest";
import { triggers } from "../postmark";
import { checkField, exampleResponse, fieldsForStepResponse, fieldsForTrigger } from "./fields";
import { formatPath, getPath, listFields, lookupPath, parsePath } from "./paths";

const data = {
  Recipient: "john@example.com",
  Metadata: { orderId: "A-1", "client-id": "7" },
  Messages: [{ To: "a@x.com" }, { To: "b@x.com" }],
  Empty: null,
};

describe("parsePath", () => {
  it("reads keys, indices and wildcards", () => {
    const p = parsePath("Messages[0].To");
    expect(p).toEqual({ ok: true, segments: [{ key: "Messages" }, { index: 0 }, { key: "To" }] });
    expect(parsePath("[1].ID")).toEqual({ ok: true, segments: [{ index: 1 }, { key: "ID" }] });
    expect(parsePath("")).toEqual({ ok: true, segments: [] });
    const w = parsePath("ToFull[*].Email");
    expect(w.ok && formatPath(w.segments)).toBe("ToFull[*].Email");
  });

  it.each(["a..b", ".a", "a.", "a[x]", "a[0]b", "a.[0]", "a[0"])("rejects %s", (path) => {
    expect(parsePath(path).ok).toBe(false);
  });
});

describe("getPath", () => {
  it("reads nested keys, indices and keys with dashes", () => {
    expect(getPath(data, "Recipient")).toBe("john@example.com");
    expect(getPath(data, "Metadata.orderId")).toBe("A-1");
    expect(getPath(data, "Metadata.client-id")).toBe("7");
    expect(getPath(data, "Messages[1].To")).toBe("b@x.com");
    expect(getPath(data, "")).toBe(data);
  });

  it("maps over every element with [*]", () => {
    expect(getPath(data, "Messages[*].To")).toEqual(["a@x.com", "b@x.com"]);
  });

  it("falls back to a case-insensitive key", () => {
    expect(getPath({ Id: "x" }, "ID")).toBe("x");
    expect(getPath({ ID: 1, Id: 2 }, "Id")).toBe(2);
  });

  it("tells missing apart from null", () => {
    expect(lookupPath(data, "Empty")).toEqual({ found: true, value: null });
    expect(lookupPath(data, "Nope").found).toBe(false);
    expect(lookupPath(data, "Messages[5].To").found).toBe(false);
    expect(lookupPath(data, "Recipient.Domain").found).toBe(false);
    expect(lookupPath(data, "a..b").error).toBeDefined();
    expect(getPath(null, "a")).toBeUndefined();
  });
});

describe("listFields", () => {
  it("lists every path with type and example", () => {
    const fields = listFields(data);
    const byPath = Object.fromEntries(fields.map((f) => [f.path, f]));
    expect(byPath.Recipient).toEqual({ path: "Recipient", type: "string", example: "john@example.com" });
    expect(byPath["Metadata.orderId"]?.type).toBe("string");
    expect(byPath.Messages?.type).toBe("array");
    expect(byPath["Messages[0].To"]?.example).toBe("a@x.com");
    expect(byPath.Empty?.type).toBe("null");
    expect(byPath["Messages[1].To"]).toBeUndefined();
  });
});

describe("fieldsForTrigger", () => {
  it("lists the example's fields with notes, typed from the payload schema", () => {
    const fields = fieldsForTrigger("inbound");
    const email = fields.find((f) => f.path === "FromFull.Email");
    expect(email).toMatchObject({ type: "string", example: "support@postmarkapp.com" });
    expect(fields.find((f) => f.path === "ToFull[0].Email")).toBeDefined();
    expect(fields.find((f) => f.path === "MessageID")?.notes).toBeTruthy();
  });

  it("covers every trigger and marks Metadata open", () => {
    for (const id of Object.keys(triggers) as (keyof typeof triggers)[]) {
      const fields = fieldsForTrigger(id);
      expect(fields.length, id).toBeGreaterThan(5);
      const meta = fields.find((f) => f.path === "Metadata");
      if (meta) expect(meta.open, id).toBe(true);
    }
  });
});

describe("fieldsForStepResponse", () => {
  it("introspects the response schema and adds example values", () => {
    const fields = fieldsForStepResponse("bounces.search");
    expect(fields.find((f) => f.path === "TotalCount")).toMatchObject({ type: "number", example: 2 });
    expect(fields.find((f) => f.path === "Bounces[0].ID")).toMatchObject({ type: "number" });
    expect(fields.find((f) => f.path === "Bounces[0].Tag")).toMatchObject({ type: "string", nullable: true });
  });

  it("handles array responses and unknown values", () => {
    const batch = fieldsForStepResponse("email.sendBatch");
    expect(batch.find((f) => f.path === "[0].MessageID")).toMatchObject({ type: "string", optional: true });
    const details = fieldsForStepResponse("messages.outboundDetails");
    expect(details.find((f) => f.path === "Cc[0]")?.open).toBe(true);
    expect(details.find((f) => f.path === "Metadata")?.open).toBe(true);
  });

  it("has an example response for every operation used by dry runs", () => {
    expect(exampleResponse("bounces.activate")).toBeTruthy();
  });
});

describe("checkField", () => {
  const fields = fieldsForTrigger("bounce");
  it("knows listed fields, allows keys under open ones, and rejects the rest", () => {
    expect(checkField(fields, "Email")).toEqual({ status: "known", type: "string" });
    expect(checkField(fields, "email")).toEqual({ status: "known", type: "string" });
    expect(checkField(fields, "Metadata.orderId")).toEqual({ status: "open" });
    expect(checkField(fields, "Emial").status).toBe("unknown");
    expect(checkField(fields, "Email.Domain").status).toBe("unknown");
    expect(checkField(fields, "a..b").status).toBe("invalid");
  });

  it("treats indices alike", () => {
    const resp = fieldsForStepResponse("bounces.search");
    expect(checkField(resp, "Bounces[3].Email")).toEqual({ status: "known", type: "string" });
    expect(checkField(resp, "Bounces[*].Email")).toEqual({ status: "known", type: "array" });
  });
});
