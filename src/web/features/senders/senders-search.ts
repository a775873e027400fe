import { optionalOneOf, optionalPositiveInt, optionalText, searchSchema } from "@/web/lib/search-params";

// Light validators, not zod: validateSearch runs in the app chunk (see lib/search-params).

export const senderStateFilters = ["confirmed", "unconfirmed"] as const;
export type SenderStateFilter = (typeof senderStateFilters)[number];

/** The senders page in the URL: a text filter, the confirmation filter, the page and the open signature. */
export const sendersSearch = searchSchema({
  q: optionalText({ trim: true, min: 1, max: 255 }),
  state: optionalOneOf(senderStateFilters),
  page: optionalPositiveInt(),
  sender: optionalPositiveInt(),
});
export type SendersSearch = ReturnType<typeof sendersSearch.parse>;
