import { createFileRoute } from "@tanstack/react-router";
import { StatsPage } from "@/web/features/stats/stats-page";
import { statsSearch } from "@/web/features/stats/stats-search";

export const Route = createFileRoute("/_app/stats")({
  validateSearch: statsSearch,
  component: StatsPage,
});
