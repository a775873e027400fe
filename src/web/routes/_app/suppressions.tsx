import { createFileRoute } from "@tanstack/react-router";
import { suppressionsSearch } from "@/web/features/suppressions/suppressions-search";
import { SuppressionsPage } from "@/web/features/suppressions/suppressions-page";

export const Route = createFileRoute("/_app/suppressions")({
  validateSearch: suppressionsSearch,
  component: SuppressionsPage,
});
