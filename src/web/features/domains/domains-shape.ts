import type { domainsGet, domainsList } from "@/contract/postmark/domains";
import type { DomainsSearch } from "./domains-search";
import type { AnswerOf } from "@/web/lib/postmark-queries";

export type DomainSummary = AnswerOf<typeof domainsList>["Domains"][number];
export type DomainDetail = AnswerOf<typeof domainsGet>;

/** Rows per page of the domains list (Postmark allows up to 500). */
export const DOMAINS_PAGE_SIZE = 50;

/** Fully verified means what Postmark needs today: DKIM and the Return-Path (SPF is no longer required). */
export function isDomainVerified(d: Pick<DomainSummary, "DKIMVerified" | "ReturnPathDomainVerified">): boolean {
  return d.DKIMVerified && d.ReturnPathDomainVerified;
}

/** The page's filters applied to one page of domains: name contains `q`, and the verification state. */
export function filterDomains<T extends DomainSummary>(
  domains: readonly T[],
  search: Pick<DomainsSearch, "q" | "status">,
): T[] {
  const q = search.q?.toLowerCase();
  return domains.filter((d) => {
    if (q && !(d.Name ?? "").toLowerCase().includes(q)) return false;
    if (search.status === "verified" && !isDomainVerified(d)) return false;
    if (search.status === "unverified" && isDomainVerified(d)) return false;
    return true;
  });
}

export type RecordState = "verified" | "pending" | "unverified" | "revoked";

export interface DnsRecord {
  id: "dkim" | "dkim-pending" | "dkim-revoked" | "return-path" | "spf";
  title: string;
  type: "TXT" | "CNAME";
  host: string;
  value: string;
  state: RecordState;
  note?: string;
}

/**
 * The DNS records a domain owner has to publish (or may now remove), in the order they matter.
 * During a rotation the new key is pending next to the current one; a revoked key is listed only
 * to say whether it may be removed.
 */
export function dnsRecords(d: DomainDetail): DnsRecord[] {
  const out: DnsRecord[] = [];
  if (d.DKIMHost && d.DKIMTextValue) {
    out.push({
      id: "dkim",
      title: "DKIM",
      type: "TXT",
      host: d.DKIMHost,
      value: d.DKIMTextValue,
      state: d.DKIMVerified ? "verified" : "unverified",
      note: d.WeakDKIM ? "This key is weak (1024-bit); rotate it." : undefined,
    });
  }
  if (d.DKIMPendingHost && d.DKIMPendingTextValue) {
    out.push({
      id: "dkim-pending",
      title: d.DKIMHost ? "DKIM (new key, rotation pending)" : "DKIM (pending)",
      type: "TXT",
      host: d.DKIMPendingHost,
      value: d.DKIMPendingTextValue,
      state: "pending",
      note: d.DKIMHost
        ? "Publish this record next to the current one, then verify DKIM."
        : "Publish this record, then verify DKIM.",
    });
  }
  if (d.DKIMRevokedHost && d.DKIMRevokedTextValue) {
    out.push({
      id: "dkim-revoked",
      title: "DKIM (old key)",
      type: "TXT",
      host: d.DKIMRevokedHost,
      value: d.DKIMRevokedTextValue,
      state: "revoked",
      note: d.SafeToRemoveRevokedKeyFromDNS
        ? "Safe to remove from DNS now."
        : "Keep it in DNS until the new key is verified.",
    });
  }
  if (d.ReturnPathDomain && d.ReturnPathDomainCNAMEValue) {
    out.push({
      id: "return-path",
      title: "Return-Path",
      type: "CNAME",
      host: d.ReturnPathDomain,
      value: d.ReturnPathDomainCNAMEValue,
      state: d.ReturnPathDomainVerified ? "verified" : "unverified",
    });
  }
  if (d.SPFHost && d.SPFTextValue) {
    out.push({
      id: "spf",
      title: "SPF",
      type: "TXT",
      host: d.SPFHost,
      value: d.SPFTextValue,
      state: d.SPFVerified ? "verified" : "unverified",
      note: "Optional: Postmark no longer requires SPF when the Return-Path is verified.",
    });
  }
  return out;
}

/** What changed between two states of a domain, said in words for the toast after a verification. */
export function describeVerification(kind: "DKIM" | "Return-Path", after: DomainDetail): string {
  const ok = kind === "DKIM" ? after.DKIMVerified && !after.DKIMPendingHost : after.ReturnPathDomainVerified;
  return ok
    ? `${kind} of ${after.Name ?? "the domain"} is verified.`
    : `${kind} of ${after.Name ?? "the domain"} is not verified yet: publish the record and try again.`;
}
