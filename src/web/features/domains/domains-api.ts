import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OperationSpec } from "@/contract/postmark/operation";
import {
  domainsCreate,
  domainsDelete,
  domainsGet,
  domainsList,
  domainsRotateDkim,
  domainsUpdate,
  domainsVerifyDkim,
  domainsVerifyReturnPath,
} from "@/contract/postmark/domains";
import { permission } from "@/web/lib/permissions";
import {
  invalidateAfter,
  postmarkKey,
  postmarkMutationOptions,
  postmarkQueryOptions,
  type TypedOp,
} from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";
import { pageWindow } from "@/web/lib/paging";
import { DOMAINS_PAGE_SIZE } from "./domains-shape";

// Domains use the account token: no server is involved, so the server id is always null.

export function domainsListQuery(page: number | undefined) {
  return {
    ...postmarkQueryOptions(domainsList, { query: pageWindow(page, DOMAINS_PAGE_SIZE) }, null),
    meta: { silent: true },
  };
}

export function useDomainsList(page: number | undefined) {
  return useQuery(domainsListQuery(page));
}

export function useDomain(id: number) {
  return useQuery({
    ...postmarkQueryOptions(domainsGet, { params: { domainid: id } }, null),
    meta: { silent: true },
  });
}

function useDomainMutation<const O extends TypedOp>(op: O) {
  const qc = useQueryClient();
  return useMutation({ ...postmarkMutationOptions(op, null, qc), meta: { silent: true } });
}

export const useCreateDomain = () => useDomainMutation(domainsCreate);
export const useUpdateDomain = () => useDomainMutation(domainsUpdate);
/** Deleting leaves the page first and forgets the domain, so nothing refetches what no longer exists. */
export function useDeleteDomain(id: number, onDeleted: () => void) {
  const qc = useQueryClient();
  return useMutation({
    ...postmarkMutationOptions(domainsDelete, null, qc),
    meta: { silent: true },
    onSuccess: () => {
      onDeleted();
      qc.removeQueries({ queryKey: postmarkKey(domainsGet, null, { params: { domainid: id } }) });
      return invalidateAfter(domainsDelete, qc);
    },
  });
}
export const useVerifyDkim = () => useDomainMutation(domainsVerifyDkim);
export const useVerifyReturnPath = () => useDomainMutation(domainsVerifyReturnPath);
export const useRotateDkim = () => useDomainMutation(domainsRotateDkim);

/** Whether the signed-in role may run `op`, and why not. */
export function useCan(op: Pick<OperationSpec, "risk">) {
  return permission(useSessionUser()?.role, op.risk);
}

export { domainsCreate, domainsDelete, domainsRotateDkim, domainsUpdate, domainsVerifyDkim, domainsVerifyReturnPath };
