import { optionalOneOf, optionalPositiveInt, optionalText, searchSchema } from "@/web/lib/search-params";

// Light validators, not zod: validateSearch runs in the app chunk (see lib/search-params).

export const domainStatusFilters = ["verified", "unverified"] as const;
export type DomainStatusFilter = (typeof domainStatusFilters)[number];

/** The domains page in the URL: a name filter, a verification filter, the page, and the open domain. */
export const domainsSearch = searchSchema({
  q: optionalText({ trim: true, min: 1, max: 255 }),
  status: optionalOneOf(domainStatusFilters),
  page: optionalPositiveInt(),
  domain: optionalPositiveInt(),
});
export type DomainsSearch = ReturnType<typeof domainsSearch.parse>;
