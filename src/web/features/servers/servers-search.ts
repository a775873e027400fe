import { optionalText, searchSchema } from "@/web/lib/search-params";

// Light validators, not zod: validateSearch runs in the app chunk (see lib/search-params).

/** The servers list's name filter (Postmark filters by name itself). */
export const serversSearch = searchSchema({ name: optionalText({ trim: true, min: 1, max: 200 }) });
export type ServersSearch = ReturnType<typeof serversSearch.parse>;
