import { createFileRoute } from "@tanstack/react-router";
import { AuditPage } from "@/web/features/audit/audit-page";
import { auditSearch } from "@/web/features/audit/audit-search";

export const Route = createFileRoute("/_app/audit")({
  validateSearch: auditSearch,
  component: AuditPage,
});
