import { describe, expect, it } from "vitest";
import { operations } from "@/contract/postmark";
import { describeChange } from "./describe-change";

describe("describeChange", () => {
  it("names the operation and the thing it changes", () => {
    expect(describeChange(operations["domains.delete"], { input: { params: { domainid: "123" } } })).toBe(
      "Delete a sending domain: domainid 123?",
    );
  });
});
