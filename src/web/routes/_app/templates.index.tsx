import { createFileRoute } from "@tanstack/react-router";
import { templatesSearch } from "@/web/features/templates/templates-search";
import { TemplatesPage } from "@/web/features/templates/templates-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/templates/")({
  validateSearch: templatesSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("templates"),
  component: TemplatesPage,
});
