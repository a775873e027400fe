import { createFileRoute } from "@tanstack/react-router";
import { DomainsPage } from "@/web/features/domains/domains-page";
import { domainsSearch } from "@/web/features/domains/domains-search";

export const Route = createFileRoute("/_app/domains")({
  validateSearch: domainsSearch,
  component: DomainsPage,
});
