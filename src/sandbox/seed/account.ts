// Account-level seed: domains and sender signatures in mixed verification states.
import type { Rng } from "../util/rng";
import type { DkimFields, Domain, Sender } from "../world/types";
import type { World } from "../world/world";

export function dkimKey(rng: Rng): string {
  return `k=rsa;p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ${rng.base64(180)}IDAQAB`;
}

export function dkimSelector(rng: Rng, at: number): string {
  const d = new Date(at - rng.int(30, 400) * 86_400_000);
  return `${d.toISOString().slice(0, 19).replace(/[-T:]/g, "")}pm`;
}

export type DkimState = "verified" | "pending" | "rotating";

export function dkimFields(
  rng: Rng,
  domain: string,
  state: DkimState,
  returnPathVerified: boolean,
  now: number,
): DkimFields {
  const host = `${dkimSelector(rng, now)}._domainkey.${domain}`;
  const key = dkimKey(rng);
  const base: DkimFields = {
    SPFVerified: state !== "pending",
    SPFHost: domain,
    SPFTextValue: "v=spf1 a mx include:spf.mtasv.net ~all",
    DKIMVerified: state !== "pending",
    WeakDKIM: false,
    DKIMHost: state === "pending" ? "" : host,
    DKIMTextValue: state === "pending" ? "" : key,
    DKIMPendingHost:
      state === "verified"
        ? ""
        : state === "pending"
          ? host
          : `${dkimSelector(rng, now + 200 * 86_400_000)}._domainkey.${domain}`,
    DKIMPendingTextValue: state === "verified" ? "" : state === "pending" ? key : dkimKey(rng),
    DKIMRevokedHost: "",
    DKIMRevokedTextValue: "",
    SafeToRemoveRevokedKeyFromDNS: false,
    DKIMUpdateStatus: state === "verified" ? "Verified" : "Pending",
    ReturnPathDomain: `pm-bounces.${domain}`,
    ReturnPathDomainVerified: returnPathVerified,
    ReturnPathDomainCNAMEValue: "pm.mtasv.net",
  };
  return base;
}

export function seedAccount(world: World, rng: Rng, now: number): void {
  const domains: [string, DkimState, boolean][] = [
    ["lumenapp.io", "verified", true],
    ["harbor-news.com", "verified", false],
    ["oldbrand.net", "rotating", true],
    ["acme-mail.dev", "pending", false],
  ];
  for (const [name, state, rp] of domains) {
    const d: Domain = { ID: world.nextId("domain"), Name: name, ...dkimFields(rng, name, state, rp, now) };
    world.domains.set(d.ID, d);
  }
  const senders: [string, string, boolean, string][] = [
    ["hello@lumenapp.io", "Lumen", true, "support@lumenapp.io"],
    ["billing@lumenapp.io", "Lumen Billing", true, ""],
    ["news@harbor-news.com", "Harbor Weekly", true, "editors@harbor-news.com"],
    ["ops@acme-mail.dev", "Acme Ops", false, ""],
  ];
  for (const [email, name, confirmed, replyTo] of senders) {
    const domain = email.split("@")[1]!;
    const s: Sender = {
      ID: world.nextId("sender"),
      Domain: domain,
      EmailAddress: email,
      ReplyToEmailAddress: replyTo,
      Name: name,
      Confirmed: confirmed,
      ConfirmationPersonalNote: confirmed ? "" : "We're setting up transactional email for Acme; please confirm.",
      ...dkimFields(rng, domain, confirmed ? "verified" : "pending", confirmed, now),
    };
    world.senders.set(s.ID, s);
  }
}
