import { createFileRoute } from "@tanstack/react-router";
import { OverviewPage } from "@/web/features/overview/overview-page";
import { overviewSearch } from "@/web/features/overview/overview-search";

// The home page: is everything all right, and what needs a person now.
export const Route = createFileRoute("/_app/")({
  validateSearch: overviewSearch,
  component: OverviewPage,
});
