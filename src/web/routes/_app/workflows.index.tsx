import { createFileRoute } from "@tanstack/react-router";
import { WorkflowsListPage } from "@/web/features/workflows/list/workflows-list-page";

export const Route = createFileRoute("/_app/workflows/")({
  component: WorkflowsListPage,
});
