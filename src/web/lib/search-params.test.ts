import { describe, expect, it } from "vitest";
import { custom, oneOf, optionalOneOf, optionalPositiveInt, optionalText, searchSchema } from "./search-params";

describe("search-param schemas", () => {
  const schema = searchSchema({
    tab: oneOf(["users", "connection"], "users"),
    area: optionalOneOf(["a", "b"]),
    q: optionalText({ max: 5 }),
  });

  it("keeps valid values and drops unknown keys", () => {
    expect(schema.parse({ tab: "connection", area: "b", q: "dkim", other: "x" })).toEqual({
      tab: "connection",
      area: "b",
      q: "dkim",
    });
  });

  it("falls back on bad values instead of failing, like zod's .catch", () => {
    expect(schema.parse({ tab: "nope", area: "c", q: "too long" })).toEqual({ tab: "users" });
    expect(schema.parse({ tab: 1, area: null, q: 42 })).toEqual({ tab: "users" });
    expect(schema.parse({})).toEqual({ tab: "users" });
  });

  it("is a Standard Schema validator", () => {
    expect(schema["~standard"].validate({ area: "a" })).toEqual({ value: { tab: "users", area: "a" } });
    expect(schema["~standard"].validate(null)).toMatchObject({ issues: [{ message: expect.any(String) }] });
  });

  it("trims and bounds text, reads positive whole numbers, and runs custom rules", () => {
    const s = searchSchema({
      q: optionalText({ trim: true, min: 1, max: 3 }),
      event: optionalPositiveInt(),
      types: custom<string | undefined, string | undefined>((raw) =>
        typeof raw === "string" ? raw.toUpperCase() : undefined,
      ),
    });
    expect(s.parse({ q: " ab ", event: 7, types: "x" })).toEqual({ q: "ab", event: 7, types: "X" });
    expect(s.parse({ q: "   ", event: "12" })).toEqual({ event: 12 });
    expect(s.parse({ q: "abcd", event: 0 })).toEqual({});
    expect(s.parse({ event: 1.5 })).toEqual({});
    expect(s.parse({ event: "x" })).toEqual({});
  });
});
