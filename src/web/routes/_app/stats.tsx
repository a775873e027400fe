import { createFileRoute } from "@tanstack/react-router";
import { StatsPage } from "@/web/features/stats/stats-page";
import { statsSearch } from "@/web/features/stats/stats-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/stats")({
  validateSearch: statsSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("stats"),
  component: StatsPage,
});
