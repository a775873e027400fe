import { createFileRoute } from "@tanstack/react-router";
import { OverviewPage } from "@/web/features/overview/overview-page";
import { overviewSearch } from "@/web/features/overview/overview-search";
import { pageData } from "@/web/lib/page-data";

// The home page: is everything all right, and what needs a person now.
export const Route = createFileRoute("/_app/")({
  validateSearch: overviewSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("overview"),
  component: OverviewPage,
});
