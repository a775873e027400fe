import { createFileRoute } from "@tanstack/react-router";
import { bouncesSearch } from "@/web/features/bounces/bounces-search";
import { BouncesPage } from "@/web/features/bounces/bounces-page";

export const Route = createFileRoute("/_app/bounces")({
  validateSearch: bouncesSearch,
  component: BouncesPage,
});
