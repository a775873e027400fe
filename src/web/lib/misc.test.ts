import { describe, expect, it } from "vitest";
import { operationIdFromParams, operationParams } from "./operation-link";
import { operationsSearch } from "./operations-search";
import { permission } from "./permissions";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it("follows only same-origin paths", () => {
    expect(safeRedirect("/operations?area=domains")).toBe("/operations?area=domains");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
});

describe("permission", () => {
  it("mirrors roleAllows and says why", () => {
    expect(permission("admin", "destructive").allowed).toBe(true);
    expect(permission("operator", "write").allowed).toBe(true);
    const p = permission("viewer", "write");
    expect(p.allowed).toBe(false);
    expect(p.reason).toMatch(/viewer.*operator/);
  });
});

describe("operations search params", () => {
  it("keeps a known area and drops an unknown one", () => {
    expect(operationsSearch.parse({ area: "domains", q: "dkim" })).toEqual({ area: "domains", q: "dkim" });
    expect(operationsSearch.parse({ area: "nope" })).toEqual({ area: undefined });
  });
});

describe("operation links", () => {
  it("puts no dot in the URL and round-trips the id", () => {
    expect(operationParams("email.sendBatch")).toEqual({ group: "email", name: "sendBatch" });
    expect(operationIdFromParams(operationParams("domains.get"))).toBe("domains.get");
  });
});
