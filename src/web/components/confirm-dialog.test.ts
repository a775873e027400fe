import { describe, expect, it } from "vitest";
import { typedConfirms } from "./confirm-dialog";

describe("typedConfirms", () => {
  it("needs the exact name, ignoring only surrounding spaces", () => {
    expect(typedConfirms(" lumen.example ", "lumen.example")).toBe(true);
    expect(typedConfirms("Lumen.example", "lumen.example")).toBe(false);
    expect(typedConfirms("lumen", "lumen.example")).toBe(false);
    expect(typedConfirms("", "")).toBe(false);
  });
});
