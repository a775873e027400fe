import { createFileRoute } from "@tanstack/react-router";
import { operationsSearch } from "@/web/lib/operations-search";
import { OperationsPage } from "@/web/features/operations/operations-page";

export const Route = createFileRoute("/_app/operations/")({
  validateSearch: operationsSearch,
  component: OperationsPage,
});
