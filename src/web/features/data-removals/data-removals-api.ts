import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dataRemovalsCreate, dataRemovalsGet } from "@/contract/postmark/data-removals";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions, postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";

export interface DataRemoval {
  ID: number;
  Status: string | null;
}

// Account-token operations: no server is involved, so the server id is null.

export function useDataRemoval(id: number | undefined) {
  return useQuery({
    ...postmarkQueryOptions<DataRemoval>(dataRemovalsGet, { params: { id: id ?? 0 } }, null),
    enabled: id !== undefined,
    meta: { silent: true },
  });
}

export function useCreateDataRemoval() {
  const qc = useQueryClient();
  return useMutation({ ...postmarkMutationOptions<DataRemoval>(dataRemovalsCreate, null, qc), meta: { silent: true } });
}

export function useCanCreateRemoval() {
  return permission(useSessionUser()?.role, dataRemovalsCreate.risk);
}

export { dataRemovalsCreate };
