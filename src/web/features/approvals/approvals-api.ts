import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type {
  ApprovalItem,
  ApprovalsResponse,
  ApprovalStatus,
  ApproveRequest,
  BulkDecisionRequest,
  BulkDecisionResponse,
  DecisionResponse,
} from "@/contract/api/approvals";
import { apiRequest } from "@/web/lib/api-client";

export const APPROVALS_PAGE = 50;

export const approvalsKey = ["approvals"] as const;

export function approvalsListQuery(status: ApprovalStatus) {
  return infiniteQueryOptions({
    queryKey: [...approvalsKey, "list", status],
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams({ status, limit: String(APPROVALS_PAGE) });
      if (pageParam !== undefined) p.set("before", String(pageParam));
      return apiRequest<ApprovalsResponse>(`/api/approvals?${p.toString()}`, { signal });
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // The queue changes under us (other approvers, expiry): keep it fresh while it is on screen.
    staleTime: 5_000,
    refetchInterval: status === "pending" ? 30_000 : false,
    meta: { silent: true },
  });
}

export function approvalQuery(id: number) {
  return queryOptions({
    queryKey: [...approvalsKey, "item", id],
    queryFn: ({ signal }) => apiRequest<ApprovalItem>(`/api/approvals/${id}`, { signal }),
    staleTime: 5_000,
    meta: { silent: true },
  });
}

export function approveItem(id: number, edits?: ApproveRequest | null): Promise<DecisionResponse> {
  return apiRequest<DecisionResponse>(`/api/approvals/${id}/approve`, { method: "POST", body: edits ?? {} });
}

export function rejectItem(id: number, reason: string): Promise<DecisionResponse> {
  return apiRequest<DecisionResponse>(`/api/approvals/${id}/reject`, { method: "POST", body: { reason } });
}

export function decideBulk(req: BulkDecisionRequest): Promise<BulkDecisionResponse> {
  return apiRequest<BulkDecisionResponse>("/api/approvals/bulk", { method: "POST", body: req });
}

/** A decision changes the queue, the item, and the run it belongs to. */
export function afterDecision(queryClient: QueryClient, item?: ApprovalItem): Promise<unknown> {
  if (item) queryClient.setQueryData(approvalQuery(item.id).queryKey, item);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: approvalsKey }),
    queryClient.invalidateQueries({ queryKey: ["runs"] }),
    queryClient.invalidateQueries({ queryKey: ["audit"] }),
  ]);
}
