import { createFileRoute } from "@tanstack/react-router";
import { ApprovalsListPage } from "@/web/features/approvals/components/approvals-list-page";
import { approvalsSearch } from "@/web/features/approvals/approvals-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/approvals/")({
  validateSearch: approvalsSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("approvals"),
  component: ApprovalsListPage,
});
