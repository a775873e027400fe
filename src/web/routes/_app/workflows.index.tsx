import { createFileRoute } from "@tanstack/react-router";
import { WorkflowsListPage } from "@/web/features/workflows/list/workflows-list-page";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/workflows/")({
  loader: pageData("workflows"),
  component: WorkflowsListPage,
});
