import { describe, expect, it } from "vitest";
import { operations } from "@/contract/postmark";
import { changesServerList, nameFrom, nameLookupFor } from "./explorer-effects";

describe("changesServerList", () => {
  it("is true for the writes that change server names, false for reads and other areas", () => {
    for (const id of ["servers.create", "servers.update", "servers.delete", "server.update"] as const)
      expect(changesServerList(operations[id]), id).toBe(true);
    for (const id of ["servers.list", "servers.get", "server.get", "domains.delete", "email.send"] as const)
      expect(changesServerList(operations[id]), id).toBe(false);
  });
});

describe("nameLookupFor", () => {
  it("reads a domain's Name, a sender's EmailAddress and a server's Name by the id being deleted", () => {
    expect(nameLookupFor(operations["domains.delete"], { params: { domainid: "12" } })).toEqual({
      lookup: operations["domains.get"],
      input: { params: { domainid: "12" } },
      field: "Name",
    });
    expect(nameLookupFor(operations["senders.delete"], { params: { signatureid: 7 } })).toMatchObject({
      lookup: operations["senders.get"],
      input: { params: { signatureid: 7 } },
      field: "EmailAddress",
    });
    expect(nameLookupFor(operations["servers.delete"], { params: { serverid: "3" } })).toMatchObject({
      lookup: operations["servers.get"],
      field: "Name",
    });
  });

  it("asks nothing of other operations, or without an id", () => {
    expect(nameLookupFor(operations["templates.delete"], { params: { templateIdOrAlias: "1" } })).toBeNull();
    expect(nameLookupFor(operations["domains.delete"], {})).toBeNull();
    expect(nameLookupFor(operations["domains.delete"], { params: { domainid: "" } })).toBeNull();
  });
});

describe("nameFrom", () => {
  it("takes non-empty text only", () => {
    expect(nameFrom({ Name: "lumen.example" }, "Name")).toBe("lumen.example");
    expect(nameFrom({ Name: "  " }, "Name")).toBeNull();
    expect(nameFrom({ Name: 3 }, "Name")).toBeNull();
    expect(nameFrom(null, "Name")).toBeNull();
  });
});
