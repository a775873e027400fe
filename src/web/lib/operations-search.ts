import { areaIds } from "@/contract/postmark/area-ids";
import { optionalOneOf, optionalText, searchSchema } from "./search-params";

/** Explorer filters live in the URL so a filtered list can be shared. */
export const operationsSearch = searchSchema({
  area: optionalOneOf(areaIds),
  q: optionalText({ max: 100 }),
});
export type OperationsSearch = ReturnType<typeof operationsSearch.parse>;
