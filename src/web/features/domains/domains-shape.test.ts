import { describe, expect, it } from "vitest";
import { domainsSearch } from "./domains-search";
import {
  describeVerification,
  dnsRecords,
  filterDomains,
  isDomainVerified,
  type DomainDetail,
  type DomainSummary,
} from "./domains-shape";

const summary = (Name: string, DKIMVerified: boolean, ReturnPathDomainVerified: boolean): DomainSummary => ({
  ID: Name.length,
  Name,
  DKIMVerified,
  ReturnPathDomainVerified,
  SPFVerified: false,
  WeakDKIM: false,
});

const base: DomainDetail = {
  ID: 1,
  Name: "example.com",
  SPFVerified: false,
  SPFHost: "example.com",
  SPFTextValue: "v=spf1 a mx include:spf.mtasv.net ~all",
  DKIMVerified: true,
  WeakDKIM: false,
  DKIMHost: "20240101._domainkey.example.com",
  DKIMTextValue: "k=rsa;p=CURRENT",
  DKIMPendingHost: "",
  DKIMPendingTextValue: "",
  DKIMRevokedHost: "",
  DKIMRevokedTextValue: "",
  SafeToRemoveRevokedKeyFromDNS: false,
  DKIMUpdateStatus: "Verified",
  ReturnPathDomain: "pm-bounces.example.com",
  ReturnPathDomainVerified: false,
  ReturnPathDomainCNAMEValue: "pm.mtasv.net",
};

describe("domains search params", () => {
  it("keeps valid values and drops bad ones", () => {
    expect(domainsSearch.parse({ q: " acme ", status: "verified", page: "2", domain: 64001 })).toEqual({
      q: "acme",
      status: "verified",
      page: 2,
      domain: 64001,
    });
    expect(domainsSearch.parse({ q: "  ", status: "nope", page: "0", domain: "x" })).toEqual({});
  });
});

describe("filterDomains", () => {
  const list = [
    summary("acme.com", true, true),
    summary("mail.acme.io", true, false),
    summary("other.org", false, false),
  ];
  it("filters by name, case-insensitively", () => {
    expect(filterDomains(list, { q: "ACME", status: undefined }).map((d) => d.Name)).toEqual([
      "acme.com",
      "mail.acme.io",
    ]);
  });
  it("filters by verification: DKIM and Return-Path both verified", () => {
    expect(isDomainVerified(list[0]!)).toBe(true);
    expect(filterDomains(list, { q: undefined, status: "verified" }).map((d) => d.Name)).toEqual(["acme.com"]);
    expect(filterDomains(list, { q: undefined, status: "unverified" }).map((d) => d.Name)).toEqual([
      "mail.acme.io",
      "other.org",
    ]);
  });
});

describe("dnsRecords", () => {
  it("lists DKIM, Return-Path and SPF with their states", () => {
    const r = dnsRecords(base);
    expect(r.map((x) => [x.id, x.type, x.state])).toEqual([
      ["dkim", "TXT", "verified"],
      ["return-path", "CNAME", "unverified"],
      ["spf", "TXT", "unverified"],
    ]);
    expect(r[1]).toMatchObject({ host: "pm-bounces.example.com", value: "pm.mtasv.net" });
  });
  it("shows the pending key next to the current one during a rotation, and the revoked key", () => {
    const r = dnsRecords({
      ...base,
      DKIMPendingHost: "2025._domainkey.example.com",
      DKIMPendingTextValue: "k=rsa;p=NEW",
      DKIMUpdateStatus: "Pending",
      DKIMRevokedHost: "2019._domainkey.example.com",
      DKIMRevokedTextValue: "k=rsa;p=OLD",
      SafeToRemoveRevokedKeyFromDNS: true,
    });
    expect(r.map((x) => x.id)).toEqual(["dkim", "dkim-pending", "dkim-revoked", "return-path", "spf"]);
    expect(r[1]).toMatchObject({ title: "DKIM (new key, rotation pending)", state: "pending", value: "k=rsa;p=NEW" });
    expect(r[2]!.note).toMatch(/Safe to remove/);
  });
  it("a new domain has only its pending key", () => {
    const r = dnsRecords({
      ...base,
      DKIMHost: "",
      DKIMTextValue: "",
      DKIMVerified: false,
      DKIMPendingHost: "p._domainkey.example.com",
      DKIMPendingTextValue: "k=rsa;p=P",
    });
    expect(r[0]).toMatchObject({ id: "dkim-pending", title: "DKIM (pending)" });
  });
  it("flags a weak key", () => {
    expect(dnsRecords({ ...base, WeakDKIM: true })[0]!.note).toMatch(/weak/);
  });
});

describe("describeVerification", () => {
  it("says whether the record is verified now", () => {
    expect(describeVerification("DKIM", base)).toBe("DKIM of example.com is verified.");
    expect(describeVerification("Return-Path", base)).toMatch(/not verified yet/);
    expect(describeVerification("DKIM", { ...base, DKIMPendingHost: "x" })).toMatch(/not verified yet/);
  });
});
