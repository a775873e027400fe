import { createFileRoute } from "@tanstack/react-router";
import { inboundRulesSearch } from "@/web/features/inbound-rules/inbound-rules-search";
import { InboundRulesPage } from "@/web/features/inbound-rules/inbound-rules-page";

export const Route = createFileRoute("/_app/inbound-rules")({
  validateSearch: inboundRulesSearch,
  component: InboundRulesPage,
});
