import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { AuditResponse, AuditVerifyResponse } from "@/contract/api/audit";
import { apiRequest } from "@/web/lib/api-client";
import { auditParams, type AuditSearch } from "./audit-search";

export const AUDIT_PAGE = 100;

export function auditListQuery(filters: AuditSearch) {
  return infiniteQueryOptions({
    queryKey: ["audit", "list", filters],
    queryFn: ({ pageParam, signal }) => {
      const p = auditParams(filters);
      p.set("limit", String(AUDIT_PAGE));
      if (pageParam !== undefined) p.set("before", String(pageParam));
      return apiRequest<AuditResponse>(`/api/audit?${p.toString()}`, { signal });
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    meta: { silent: true },
  });
}

export const auditVerifyQuery = queryOptions({
  queryKey: ["audit", "verify"],
  queryFn: ({ signal }) => apiRequest<AuditVerifyResponse>("/api/audit/verify", { signal }),
  staleTime: 30_000,
  meta: { silent: true },
});

/** The export is a plain GET download, filtered like the list (the browser keeps the session cookie). */
export function auditExportUrl(filters: AuditSearch, format: "jsonl" | "csv"): string {
  const p = auditParams(filters);
  p.set("format", format);
  return `/api/audit/export?${p.toString()}`;
}
