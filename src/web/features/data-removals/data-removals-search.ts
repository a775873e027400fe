import { optionalPositiveInt, searchSchema } from "@/web/lib/search-params";

// Light validators, not zod: validateSearch runs in the app chunk (see lib/search-params).

/** The request whose status is being looked at, so a status check can be shared by link. */
export const dataRemovalsSearch = searchSchema({ request: optionalPositiveInt() });
export type DataRemovalsSearch = ReturnType<typeof dataRemovalsSearch.parse>;
