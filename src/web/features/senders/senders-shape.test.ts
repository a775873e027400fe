import { describe, expect, it } from "vitest";
import { sendersSearch } from "./senders-search";
import { filterSenders, senderBody, senderFormValues, type SenderSummary } from "./senders-shape";

const s = (ID: number, EmailAddress: string, Name: string, Confirmed: boolean): SenderSummary => ({
  ID,
  EmailAddress,
  Name,
  Confirmed,
  Domain: EmailAddress.split("@")[1]!,
  ReplyToEmailAddress: "",
});

describe("senders search and paging", () => {
  it("keeps valid params only", () => {
    expect(sendersSearch.parse({ q: " lumen ", state: "unconfirmed", page: "2", sender: "7" })).toEqual({
      q: "lumen",
      state: "unconfirmed",
      page: 2,
      sender: 7,
    });
    expect(sendersSearch.parse({ state: "maybe", page: -1 })).toEqual({});
  });
});

describe("filterSenders", () => {
  const list = [s(1, "hello@lumenapp.io", "Lumen", true), s(2, "ops@acme-mail.dev", "Acme Ops", false)];
  it("matches address or name, and the confirmation state", () => {
    expect(filterSenders(list, { q: "acme", state: undefined }).map((x) => x.ID)).toEqual([2]);
    expect(filterSenders(list, { q: "LUMEN", state: undefined }).map((x) => x.ID)).toEqual([1]);
    expect(filterSenders(list, { q: undefined, state: "confirmed" }).map((x) => x.ID)).toEqual([1]);
    expect(filterSenders(list, { q: undefined, state: "unconfirmed" }).map((x) => x.ID)).toEqual([2]);
  });
});

describe("senderBody", () => {
  const v = {
    ...senderFormValues(),
    FromEmail: " new@lumenapp.io ",
    Name: "New",
    ReplyToEmail: "",
    ReturnPathDomain: "",
    ConfirmationPersonalNote: "Hi",
  };
  it("builds a create body without empty optional fields", () => {
    expect(senderBody("create", v)).toEqual({
      ok: true,
      body: { FromEmail: "new@lumenapp.io", Name: "New", ConfirmationPersonalNote: "Hi" },
    });
  });
  it("never sends FromEmail on update", () => {
    expect(senderBody("update", { ...v, ReplyToEmail: "r@lumenapp.io" })).toEqual({
      ok: true,
      body: { Name: "New", ReplyToEmail: "r@lumenapp.io", ConfirmationPersonalNote: "Hi" },
    });
  });
  it("reports each bad field", () => {
    const r = senderBody("create", {
      ...v,
      FromEmail: "nope",
      Name: " ",
      ReplyToEmail: "x",
      ConfirmationPersonalNote: "a".repeat(401),
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.errors).sort()).toEqual(["ConfirmationPersonalNote", "FromEmail", "Name", "ReplyToEmail"]);
  });
});
