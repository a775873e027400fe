import { queryOptions } from "@tanstack/react-query";
import type { ApprovalLinkView, DecisionResponse } from "@/contract/api/approvals";
import { apiRequest } from "@/web/lib/api-client";

const base = (token: string) => `/api/approval-links/${encodeURIComponent(token)}`;

/** Reading a link never changes anything; the decision is a separate POST after a tap. */
export function approvalLinkQuery(token: string) {
  return queryOptions({
    queryKey: ["approval-links", token],
    queryFn: ({ signal }) => apiRequest<ApprovalLinkView>(base(token), { signal }),
    retry: false,
    staleTime: 0,
    meta: { silent: true },
  });
}

export function decideByLink(
  token: string,
  decision: { kind: "approve" } | { kind: "reject"; reason: string },
): Promise<DecisionResponse> {
  return decision.kind === "approve"
    ? apiRequest<DecisionResponse>(`${base(token)}/approve`, { method: "POST" })
    : apiRequest<DecisionResponse>(`${base(token)}/reject`, { method: "POST", body: { reason: decision.reason } });
}

/** A failed link in words a phone user can act on. */
export function linkProblem(e: { status: number; message: string }): { title: string; text: string } {
  if (e.status === 404)
    return {
      title: "This link is not valid",
      text: "It may be mistyped or altered. Open the item from the Approvals page instead.",
    };
  if (e.status === 410) return { title: "This link can no longer be used", text: e.message };
  if (e.status === 429) return { title: "Too many attempts", text: "Wait a minute, then open the link again." };
  if (e.status === 403) return { title: "You may not decide this item", text: e.message };
  return { title: "The link could not be checked", text: e.message };
}
