import { createFileRoute } from "@tanstack/react-router";
import { AuditPage } from "@/web/features/audit/audit-page";
import { auditSearch } from "@/web/features/audit/audit-search";
import { pageData } from "@/web/lib/page-data";

export const Route = createFileRoute("/_app/audit")({
  validateSearch: auditSearch,
  loaderDeps: ({ search }) => search,
  loader: pageData("audit"),
  component: AuditPage,
});
