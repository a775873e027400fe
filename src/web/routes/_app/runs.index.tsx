import { createFileRoute } from "@tanstack/react-router";
import { RunsPage } from "@/web/features/workflows/runs/runs-page";
import { runsSearch } from "@/web/features/workflows/workflows-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/runs/")({
  validateSearch: runsSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("runs"),
  component: RunsPage,
});
