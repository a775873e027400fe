import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OperationSpec } from "@/contract/postmark/operation";
import { serverGet, serversCreate, serversDelete, serversList, serverUpdate } from "@/contract/postmark/servers";
import { permission } from "@/web/lib/permissions";
import { invalidateAfter, postmarkMutationOptions, postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { announceServersChanged } from "@/web/lib/servers-sync";
import { useSessionUser } from "@/web/lib/session";

// API tokens never reach this page in clear: the proxy masks them, and nothing here shows them.

export function serversListQuery(name: string | undefined) {
  return {
    ...postmarkQueryOptions(serversList, { query: { count: 500, offset: 0, ...(name ? { name } : {}) } }, null),
    meta: { silent: true },
  };
}

export function useServersList(name: string | undefined) {
  return useQuery(serversListQuery(name));
}

/** The server the console is looking at (server token: chosen with the server switcher). */
export function currentServerQuery(serverId: number | null) {
  return { ...postmarkQueryOptions(serverGet, {}, serverId), meta: { silent: true } };
}

export function useCurrentServer(serverId: number | null) {
  return useQuery(currentServerQuery(serverId));
}

export function useUpdateCurrentServer(serverId: number | null) {
  const qc = useQueryClient();
  return useMutation({
    ...postmarkMutationOptions(serverUpdate, serverId, qc),
    meta: { silent: true },
    // The switcher lists server names too (Mailroom's own /api/servers).
    onSuccess: () => Promise.all([invalidateAfter(serverUpdate, qc), announceServersChanged(qc)]),
  });
}

function useAccountServerMutation<const O extends typeof serversCreate | typeof serversDelete>(op: O) {
  const qc = useQueryClient();
  return useMutation({
    ...postmarkMutationOptions(op, null, qc),
    meta: { silent: true },
    onSuccess: () => Promise.all([invalidateAfter(op, qc), announceServersChanged(qc)]),
  });
}

export const useCreateServer = () => useAccountServerMutation(serversCreate);
export const useDeleteServer = () => useAccountServerMutation(serversDelete);

export function useCan(op: Pick<OperationSpec, "risk">) {
  return permission(useSessionUser()?.role, op.risk);
}

export { serversCreate, serversDelete, serverUpdate };
