import { createFileRoute } from "@tanstack/react-router";
import { bouncesSearch } from "@/web/features/bounces/bounces-search";
import { BouncesPage } from "@/web/features/bounces/bounces-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/bounces")({
  validateSearch: bouncesSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("bounces"),
  component: BouncesPage,
});
