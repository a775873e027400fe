import { z } from "zod";
import { operation } from "./operation";
import { dkimRotation, domain } from "./entities";
import { idParam, pageCount, pageOffset } from "./shared";

export const domainsCreate = operation({
  id: "domains.create",
  area: "domains",
  title: "Add a sending domain",
  description: "Add a sending domain; DNS records must then be published.",
  method: "POST",
  path: "/domains",
  token: "account",
  risk: "write",
  body: z.object({
    Name: z.string(),
    ReturnPathDomain: z.string().optional(),
  }),
  response: domain,
  invalidates: ["domains"],
  notes:
    "Returns the full domain object; a new domain has only a pending DKIM key (DKIMPendingHost/DKIMPendingTextValue) and DKIMUpdateStatus 'Pending'. Newer docs also mention a CustomTrackingDomain field (unconfirmed).",
});

export const domainsDelete = operation({
  id: "domains.delete",
  area: "domains",
  title: "Delete a sending domain",
  description: "Remove a sending domain from the account.",
  method: "DELETE",
  path: "/domains/{domainid}",
  token: "account",
  risk: "destructive",
  params: z.object({ domainid: idParam }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["domains"],
  notes: "Unknown id -> 510; not owned -> 513.",
  help: "Removes the domain from the account; mail from its addresses is refused until it is added and verified again.",
});

export const domainsGet = operation({
  id: "domains.get",
  area: "domains",
  title: "Get domain details",
  description: "A domain with its DKIM, SPF and Return-Path records and their status.",
  method: "GET",
  path: "/domains/{domainid}",
  token: "account",
  risk: "read",
  params: z.object({ domainid: idParam }),
  response: domain,
  invalidates: [],
  notes: "SPFVerified is deprecated (SPF no longer required). DKIMUpdateStatus: Pending | Verified (others possible).",
});

export const domainsList = operation({
  id: "domains.list",
  area: "domains",
  title: "List sending domains",
  description: "Sending domains of the account and their verification state.",
  method: "GET",
  path: "/domains",
  token: "account",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Domains: z.array(
      z.looseObject({
        Name: z.string().nullable(),
        SPFVerified: z.boolean(),
        DKIMVerified: z.boolean(),
        WeakDKIM: z.boolean(),
        ReturnPathDomainVerified: z.boolean(),
        ID: z.number(),
      }),
    ),
  }),
  invalidates: [],
  notes: "Paging errors -> 422 ErrorCode 500.",
});

export const domainsRotateDkim = operation({
  id: "domains.rotateDkim",
  area: "domains",
  title: "Rotate domain DKIM key",
  description: "Start replacing a domain's DKIM key; the new record must be published.",
  method: "POST",
  path: "/domains/{domainid}/rotatedkim",
  token: "account",
  risk: "write",
  params: z.object({ domainid: idParam }),
  response: dkimRotation,
  invalidates: ["domains"],
  notes:
    "No body. Returns a DKIM subset of the domain (Swagger DKIMRotationResponse; it misspells DKIMTextValue as 'DKIMTestValue'). Already rotating -> 422 ErrorCode 505 'This DKIM is already being renewed.'; 508 for keys not in a rotatable state. postmark-dotnet types the response as {ErrorCode, Message} -> exact shape partly unconfirmed.",
});

export const domainsUpdate = operation({
  id: "domains.update",
  area: "domains",
  title: "Update domain configuration",
  description: "Change a domain's custom Return-Path.",
  method: "PUT",
  path: "/domains/{domainid}",
  token: "account",
  risk: "write",
  params: z.object({ domainid: idParam }),
  body: z.object({
    ReturnPathDomain: z.string().optional(),
  }),
  response: domain,
  invalidates: ["domains"],
  notes: "Only ReturnPathDomain is editable. Returns the full domain object.",
});

export const domainsVerifyDkim = operation({
  id: "domains.verifyDkim",
  area: "domains",
  title: "Verify domain DKIM records",
  description: "Check the domain's DKIM DNS record now.",
  method: "PUT",
  path: "/domains/{domainid}/verifyDkim",
  token: "account",
  risk: "write",
  params: z.object({ domainid: idParam }),
  response: domain,
  invalidates: ["domains"],
  notes:
    "PUT, no body. Triggers a DNS lookup and returns the full domain object. Path casing varies by client (verifyDkim / verifyDKIM / verifydkim); all are accepted. 709 (HTTP 500) if DKIM config is invalid.",
});

export const domainsVerifyReturnPath = operation({
  id: "domains.verifyReturnPath",
  area: "domains",
  title: "Verify domain Return-Path DNS",
  description: "Check the domain's Return-Path CNAME now.",
  method: "PUT",
  path: "/domains/{domainid}/verifyReturnPath",
  token: "account",
  risk: "write",
  params: z.object({ domainid: idParam }),
  response: domain,
  invalidates: ["domains"],
  notes: "PUT, no body. Returns the full domain object.",
});

export const domainsVerifySpf = operation({
  id: "domains.verifySpf",
  area: "domains",
  title: "Verify domain SPF records (deprecated)",
  description: "Check the domain's SPF record (deprecated by Postmark).",
  method: "POST",
  path: "/domains/{domainid}/verifyspf",
  token: "account",
  risk: "write",
  params: z.object({ domainid: idParam }),
  response: z.looseObject({
    SPFHost: z.string().nullable(),
    SPFVerified: z.boolean(),
    SPFTextValue: z.string().nullable(),
  }),
  invalidates: ["domains"],
  notes:
    "Deprecated. POST, no body. Returns only the three SPF fields (live capture); postmark.js wrongly types it as the full domain.",
});
