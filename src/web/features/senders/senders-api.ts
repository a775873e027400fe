import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OperationSpec } from "@/contract/postmark/operation";
import {
  sendersCreate,
  sendersDelete,
  sendersGet,
  sendersList,
  sendersResendConfirmation,
  sendersUpdate,
} from "@/contract/postmark/senders";
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
import { SENDERS_PAGE_SIZE } from "./senders-shape";

// Sender signatures use the account token: no server is involved, so the server id is null.

export function sendersListQuery(page: number | undefined) {
  return {
    ...postmarkQueryOptions(sendersList, { query: pageWindow(page, SENDERS_PAGE_SIZE) }, null),
    meta: { silent: true },
  };
}

export function useSendersList(page: number | undefined) {
  return useQuery(sendersListQuery(page));
}

export function useSender(id: number) {
  return useQuery({
    ...postmarkQueryOptions(sendersGet, { params: { signatureid: id } }, null),
    meta: { silent: true },
  });
}

function useSenderMutation<const O extends TypedOp>(op: O) {
  const qc = useQueryClient();
  return useMutation({ ...postmarkMutationOptions(op, null, qc), meta: { silent: true } });
}

export const useCreateSender = () => useSenderMutation(sendersCreate);
export const useUpdateSender = () => useSenderMutation(sendersUpdate);
export const useResendConfirmation = () => useSenderMutation(sendersResendConfirmation);

/** Deleting leaves the page first and forgets the signature, so nothing refetches what no longer exists. */
export function useDeleteSender(id: number, onDeleted: () => void) {
  const qc = useQueryClient();
  return useMutation({
    ...postmarkMutationOptions(sendersDelete, null, qc),
    meta: { silent: true },
    onSuccess: () => {
      onDeleted();
      qc.removeQueries({ queryKey: postmarkKey(sendersGet, null, { params: { signatureid: id } }) });
      return invalidateAfter(sendersDelete, qc);
    },
  });
}

export function useCan(op: Pick<OperationSpec, "risk">) {
  return permission(useSessionUser()?.role, op.risk);
}

export { sendersCreate, sendersDelete, sendersResendConfirmation, sendersUpdate };
