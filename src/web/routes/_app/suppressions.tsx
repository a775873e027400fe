import { createFileRoute } from "@tanstack/react-router";
import { suppressionsSearch } from "@/web/features/suppressions/suppressions-search";
import { SuppressionsPage } from "@/web/features/suppressions/suppressions-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/suppressions")({
  validateSearch: suppressionsSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("suppressions"),
  component: SuppressionsPage,
});
