import type { QueryClient } from "@tanstack/react-query";
import { sessionQuery } from "@/web/lib/session";
import { auditListQuery, auditVerifyQuery } from "./audit-api";
import type { AuditSearch } from "./audit-search";

/** What the page asks for first, started together when a link is hovered (intent preload) or followed (issue 17). */
export function preload(qc: QueryClient, search: AuditSearch): void {
  if (qc.getQueryData(sessionQuery.queryKey)?.user.role !== "admin") return;
  void qc.prefetchInfiniteQuery(auditListQuery(search));
  void qc.prefetchQuery(auditVerifyQuery);
}
