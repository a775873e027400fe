import { describe, expect, it } from "vitest";
import { emailSend, emailSendBatch, emailSendWithTemplate } from "./send";
import { addressErrors, addressOf, isEmailAddress, recipientCount, splitAddressList } from "./recipients";

const many = (n: number, domain = "example.com") => Array.from({ length: n }, (_, i) => `p${i}@${domain}`).join(", ");

describe("address lists", () => {
  it("splits on commas and semicolons outside quoted names", () => {
    expect(splitAddressList('"Lovelace, Ada" <ada@example.com>, grace@example.com; ,')).toEqual([
      '"Lovelace, Ada" <ada@example.com>',
      "grace@example.com",
    ]);
    expect(splitAddressList("  ")).toEqual([]);
  });
  it("reads the address of a named entry and checks its syntax", () => {
    expect(addressOf('"Ada" <ada@example.com>')).toBe("ada@example.com");
    expect(isEmailAddress("ada@example.com")).toBe(true);
    for (const bad of ["not-an-address", "ada@", "@example.com", "ada@example", "a da@example.com", "ada@example..com"])
      expect(isEmailAddress(bad), bad).toBe(false);
  });
  it("names the entries that are not addresses, per field", () => {
    expect(addressErrors({ To: "ada@example.com, nope", Cc: "Grace <grace@example.com>" }, ["To", "Cc"])).toEqual([
      { field: "To", message: "'nope' is not an email address." },
    ]);
  });
});

describe("the 50-recipient limit in the catalog's send schemas", () => {
  it("counts To, Cc and Bcc together", () => {
    expect(recipientCount({ To: many(48), Cc: "a@example.com", Bcc: "b@example.com, c@example.com" })).toBe(51);
  });
  it("accepts exactly 50 and refuses 51, on To, with the count", () => {
    const base = { From: "hello@lumen.example", TextBody: "Hi" };
    expect(emailSend.body.safeParse({ ...base, To: many(40), Cc: many(10, "cc.example") }).success).toBe(true);
    const over = emailSend.body.safeParse({ ...base, To: many(40), Cc: many(10, "cc.example"), Bcc: "x@example.com" });
    expect(over.success).toBe(false);
    expect(over.error?.issues).toEqual([
      expect.objectContaining({ path: ["To"], message: expect.stringContaining("51 recipients together") }),
    ]);
  });
  it("applies to templated and batch messages too", () => {
    const msg = { From: "hello@lumen.example", To: many(51), TextBody: "Hi" };
    expect(emailSendBatch.body.safeParse([msg]).success).toBe(false);
    expect(
      emailSendWithTemplate.body.safeParse({ From: msg.From, To: msg.To, TemplateId: 1, TemplateModel: {} }).success,
    ).toBe(false);
  });
});
