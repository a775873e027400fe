import { describe, expect, it } from "vitest";
import { operationList } from "@/contract/postmark";
import { filterOperations } from "./filter-operations";

describe("filterOperations", () => {
  it("lists all 84 operations without filters", () => {
    expect(filterOperations(operationList, undefined, undefined)).toHaveLength(84);
  });
  it("filters by area and by every word of the query", () => {
    const domains = filterOperations(operationList, "domains", undefined);
    expect(domains.length).toBeGreaterThan(0);
    expect(domains.every((o) => o.area === "domains")).toBe(true);
    expect(filterOperations(operationList, undefined, "delete domain").map((o) => o.id)).toContain("domains.delete");
    expect(filterOperations(operationList, "bounces", "domain zzz")).toEqual([]);
  });
});
