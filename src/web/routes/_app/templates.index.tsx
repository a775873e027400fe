import { createFileRoute } from "@tanstack/react-router";
import { templatesSearch } from "@/web/features/templates/templates-search";
import { TemplatesPage } from "@/web/features/templates/templates-page";

export const Route = createFileRoute("/_app/templates/")({
  validateSearch: templatesSearch,
  component: TemplatesPage,
});
