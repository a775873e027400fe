import { createFileRoute } from "@tanstack/react-router";
import { DataRemovalsPage } from "@/web/features/data-removals/data-removals-page";
import { dataRemovalsSearch } from "@/web/features/data-removals/data-removals-search";

export const Route = createFileRoute("/_app/data-removals")({
  validateSearch: dataRemovalsSearch,
  component: DataRemovalsPage,
});
