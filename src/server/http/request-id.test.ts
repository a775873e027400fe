import { describe, expect, it } from "vitest";
import { newRequestId } from "./request-id";

describe("newRequestId", () => {
  it("gives 12 base64url characters of 9 fresh random bytes, across refills of its pool", () => {
    const ids = Array.from({ length: 1500 }, newRequestId); // the pool holds 512
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect(Buffer.from(id, "base64url")).toHaveLength(9);
    }
    expect(new Set(ids).size).toBe(ids.length); // 72 random bits each: a repeat would mean reused bytes
  });
});
