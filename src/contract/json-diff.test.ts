import { describe, expect, it } from "vitest";
import { diffJson } from "./json-diff";

describe("diffJson", () => {
  it("finds nothing between equal values", () => {
    expect(diffJson({ a: [1, { b: "x" }], c: null }, { a: [1, { b: "x" }], c: null })).toEqual([]);
  });

  it("names changed, added and removed leaves by path, in document order", () => {
    const before = { body: { To: "ops@lumenapp.io", Subject: "Hi", Messages: [{ To: "a@x.io" }, { To: "b@x.io" }] } };
    const after = { body: { To: "felix96@comcast.net", Messages: [{ To: "a@x.io" }], Cc: "c@x.io" } };
    expect(diffJson(before, after)).toEqual([
      { path: "body.To", kind: "changed", before: "ops@lumenapp.io", after: "felix96@comcast.net" },
      { path: "body.Subject", kind: "removed", before: "Hi" },
      { path: "body.Messages[1]", kind: "removed", before: { To: "b@x.io" } },
      { path: "body.Cc", kind: "added", after: "c@x.io" },
    ]);
  });

  it("treats a change of type as one change", () => {
    expect(diffJson({ q: [1] }, { q: "1" })).toEqual([{ path: "q", kind: "changed", before: [1], after: "1" }]);
    expect(diffJson(1, 2)).toEqual([{ path: "(value)", kind: "changed", before: 1, after: 2 }]);
  });
});
