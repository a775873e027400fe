import { fail } from "../http/errors";
import { objectBody, paging, positiveInt, type Handler, type HandlerContext } from "../http/context";
import { dkimFields, dkimKey, dkimSelector } from "../seed/account";
import type { Rng } from "../util/rng";
import type { DkimFields, Domain } from "../world/types";

const DOMAIN_RE = /^(?=.{1,255}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

function domainById(ctx: HandlerContext): Domain {
  const id = positiveInt(ctx.params.domainid);
  const d = id === null ? undefined : ctx.world.domains.get(id);
  if (!d) fail(510, "This domain was not found.");
  return d;
}

export function checkReturnPath(value: unknown, domain: string): string {
  if (typeof value !== "string" || !value) return `pm-bounces.${domain}`;
  if (!DOMAIN_RE.test(value) || !value.toLowerCase().endsWith(`.${domain.toLowerCase()}`))
    fail(522, `The Return-Path domain must be a subdomain of ${domain}.`);
  return value.toLowerCase();
}

/** Rotation: the current key becomes revoked-to-be, a new key waits for DNS. */
export function rotate(d: DkimFields, domain: string, rng: Rng, now: number): void {
  if (d.DKIMUpdateStatus === "Pending" && d.DKIMPendingHost) fail(505, "This DKIM is already being renewed.");
  if (!d.DKIMVerified) fail(508, "The DKIM key is not in a state that can be rotated.");
  d.DKIMPendingHost = `${dkimSelector(rng, now + 86_400_000 * 400)}._domainkey.${domain}`;
  d.DKIMPendingTextValue = dkimKey(rng);
  d.DKIMUpdateStatus = "Pending";
}

/** "Verifying" in the sandbox succeeds: DNS is assumed to be in place, as a developer would expect locally. */
function verifyDkim(d: DkimFields): void {
  if (d.DKIMPendingHost) {
    if (d.DKIMHost) {
      d.DKIMRevokedHost = d.DKIMHost;
      d.DKIMRevokedTextValue = d.DKIMTextValue;
      d.SafeToRemoveRevokedKeyFromDNS = true;
    }
    d.DKIMHost = d.DKIMPendingHost;
    d.DKIMTextValue = d.DKIMPendingTextValue;
    d.DKIMPendingHost = "";
    d.DKIMPendingTextValue = "";
  }
  d.DKIMVerified = true;
  d.DKIMUpdateStatus = "Verified";
}

const rotation = (d: Domain) => ({
  Name: d.Name,
  DKIMVerified: d.DKIMVerified,
  WeakDKIM: d.WeakDKIM,
  DKIMHost: d.DKIMHost,
  DKIMTextValue: d.DKIMTextValue,
  DKIMPendingHost: d.DKIMPendingHost,
  DKIMPendingTextValue: d.DKIMPendingTextValue,
  DKIMRevokedHost: d.DKIMRevokedHost,
  DKIMRevokedTextValue: d.DKIMRevokedTextValue,
  SafeToRemoveRevokedKeyFromDNS: d.SafeToRemoveRevokedKeyFromDNS,
  DKIMUpdateStatus: d.DKIMUpdateStatus,
  ID: d.ID,
});

export const domainHandlers = {
  "domains.list": (ctx) => {
    const { count, offset } = paging(ctx.query, 500);
    const all = [...ctx.world.domains.values()];
    return {
      TotalCount: all.length,
      Domains: all.slice(offset, offset + count).map((d) => ({
        Name: d.Name,
        SPFVerified: d.SPFVerified,
        DKIMVerified: d.DKIMVerified,
        WeakDKIM: d.WeakDKIM,
        ReturnPathDomainVerified: d.ReturnPathDomainVerified,
        ID: d.ID,
      })),
    };
  },
  "domains.get": (ctx) => domainById(ctx),
  "domains.create": (ctx) => {
    const body = objectBody(ctx, 514, "The 'Name' field is required.");
    const name = typeof body.Name === "string" ? body.Name.trim().toLowerCase() : "";
    if (!name) fail(514, "The 'Name' field is required.");
    if (name.length > 255) fail(515, "The 'Name' may not be longer than 255 characters.");
    if (!DOMAIN_RE.test(name)) fail(516, `'${name}' is not a valid domain name.`);
    if (["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com"].includes(name))
      fail(503, "You cannot use a public domain.");
    if ([...ctx.world.domains.values()].some((d) => d.Name === name)) fail(512, "This domain already exists.");
    const returnPath = checkReturnPath(body.ReturnPathDomain, name);
    const d: Domain = {
      ID: ctx.world.nextId("domain"),
      Name: name,
      ...dkimFields(ctx.sandbox.rng, name, "pending", false, ctx.world.now()),
      ReturnPathDomain: returnPath,
    };
    d.SPFVerified = false;
    ctx.world.domains.set(d.ID, d);
    return d;
  },
  "domains.update": (ctx) => {
    const d = domainById(ctx);
    const body = objectBody(ctx, 511, "No fields were supplied.");
    if (body.ReturnPathDomain !== undefined) {
      const rp = checkReturnPath(body.ReturnPathDomain, d.Name);
      if (rp !== d.ReturnPathDomain) d.ReturnPathDomainVerified = false;
      d.ReturnPathDomain = rp;
    }
    return d;
  },
  "domains.delete": (ctx) => {
    const d = domainById(ctx);
    ctx.world.domains.delete(d.ID);
    return { ErrorCode: 0, Message: `Domain ${d.Name} removed.` };
  },
  "domains.verifyDkim": (ctx) => {
    const d = domainById(ctx);
    verifyDkim(d);
    return d;
  },
  "domains.verifyReturnPath": (ctx) => {
    const d = domainById(ctx);
    d.ReturnPathDomainVerified = true;
    return d;
  },
  "domains.verifySpf": (ctx) => {
    const d = domainById(ctx);
    d.SPFVerified = true;
    return { SPFHost: d.SPFHost, SPFVerified: d.SPFVerified, SPFTextValue: d.SPFTextValue };
  },
  "domains.rotateDkim": (ctx) => {
    const d = domainById(ctx);
    rotate(d, d.Name, ctx.sandbox.rng, ctx.world.now());
    return rotation(d);
  },
} satisfies {
  [
    K in
      | "domains.list"
      | "domains.get"
      | "domains.create"
      | "domains.update"
      | "domains.delete"
      | "domains.verifyDkim"
      | "domains.verifyReturnPath"
      | "domains.verifySpf"
      | "domains.rotateDkim"
  ]: Handler<K>;
};

export { verifyDkim };
