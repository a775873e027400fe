import { createFileRoute } from "@tanstack/react-router";
import { ApprovalsListPage } from "@/web/features/approvals/components/approvals-list-page";
import { approvalsSearch } from "@/web/features/approvals/approvals-search";

export const Route = createFileRoute("/_app/approvals/")({
  validateSearch: approvalsSearch,
  component: ApprovalsListPage,
});
