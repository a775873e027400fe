import { createFileRoute } from "@tanstack/react-router";
import { inboundRulesSearch } from "@/web/features/inbound-rules/inbound-rules-search";
import { InboundRulesPage } from "@/web/features/inbound-rules/inbound-rules-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/inbound-rules")({
  validateSearch: inboundRulesSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("inbound-rules"),
  component: InboundRulesPage,
});
