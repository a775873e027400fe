import { createFileRoute } from "@tanstack/react-router";
import { ApprovalsItemPage } from "@/web/features/approvals/components/approvals-item-page";
import { approvalsSearch } from "@/web/features/approvals/approvals-search";

export const Route = createFileRoute("/_app/approvals/$approvalId")({
  validateSearch: approvalsSearch,
  component: ApprovalsItemPage,
});
