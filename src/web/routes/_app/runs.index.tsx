import { createFileRoute } from "@tanstack/react-router";
import { RunsPage } from "@/web/features/workflows/runs/runs-page";
import { runsSearch } from "@/web/features/workflows/workflows-search";

export const Route = createFileRoute("/_app/runs/")({
  validateSearch: runsSearch,
  component: RunsPage,
});
