import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateDataRemovalRequest, DataRemovalRecord, DataRemovalsResponse } from "@/contract/api/data-removals";
import { dataRemovalsCreate, dataRemovalsGet } from "@/contract/postmark/data-removals";
import { apiRequest } from "@/web/lib/api-client";
import { permission } from "@/web/lib/permissions";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";

export interface DataRemoval {
  ID: number;
  Status: string | null;
}

const removalsKey = ["data-removals"] as const;

// Account-token operations: no server is involved, so the server id is null.

export function useDataRemoval(id: number | undefined) {
  return useQuery({
    ...postmarkQueryOptions(dataRemovalsGet, { params: { id: id ?? 0 } }, null),
    enabled: id !== undefined,
    meta: { silent: true },
  });
}

/** The requests kept in Mailroom's store: the same list for every admin. */
export function useDataRemovals(enabled: boolean) {
  return useQuery({
    queryKey: removalsKey,
    queryFn: ({ signal }) => apiRequest<DataRemovalsResponse>("/api/data-removals", { signal }),
    enabled,
    meta: { silent: true },
  });
}

export function useCreateDataRemoval() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDataRemovalRequest) =>
      apiRequest<DataRemovalRecord>("/api/data-removals", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: removalsKey }),
    meta: { silent: true },
  });
}

export function useCheckDataRemoval() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<DataRemovalRecord>(`/api/data-removals/${id}/check`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: removalsKey }),
    meta: { silent: true },
  });
}

export function useCanCreateRemoval() {
  return permission(useSessionUser()?.role, dataRemovalsCreate.risk);
}

export { dataRemovalsCreate };
