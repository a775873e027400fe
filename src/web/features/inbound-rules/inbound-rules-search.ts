import { oneOf, optionalPositiveInt, searchSchema } from "@/web/lib/search-params";

export const ruleKinds = ["all", "address", "domain"] as const;
export type RuleKindFilter = (typeof ruleKinds)[number];

/** Inbound rules in the URL: the page and which kind of rule is shown. */
export const inboundRulesSearch = searchSchema({
  page: optionalPositiveInt(),
  kind: oneOf(ruleKinds, "all"),
});
export type InboundRulesSearch = ReturnType<typeof inboundRulesSearch.parse>;
