import { createFileRoute } from "@tanstack/react-router";
import { DomainsPage } from "@/web/features/domains/domains-page";
import { domainsSearch } from "@/web/features/domains/domains-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/domains")({
  validateSearch: domainsSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("domains"),
  component: DomainsPage,
});
