import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import type { ApprovalItem, ApproveRequest, DecisionResponse } from "@/contract/api/approvals";
import { notify } from "@/web/lib/toast";
import { afterDecision, approveItem, rejectItem } from "./approvals-api";

type Decision = { kind: "approve"; edits?: ApproveRequest | null } | { kind: "reject"; reason: string };

/** What a decision's answer means, in a sentence for a toast. */
export function decisionMessage(res: DecisionResponse): { ok: boolean; text: string } {
  const a = res.approval;
  if (a.status === "rejected") return { ok: true, text: "Rejected; nothing was sent to Postmark." };
  if (!res.executed && a.edit && a.approvals.length === 0)
    return {
      ok: true,
      text: "Edit saved; nothing was sent. The edited request now needs approval by someone other than you.",
    };
  if (!res.executed)
    return {
      ok: true,
      text: `Approved (${a.approvals.length} of ${a.policy.approvers}); it needs another person’s approval.`,
    };
  if (a.outcome === "succeeded") return { ok: true, text: "Approved; the step ran and Postmark accepted it." };
  return {
    ok: false,
    text: `Approved, but the step ended ${a.outcome ?? "without an outcome"}. Open the run to see Postmark’s answer.`,
  };
}

/**
 * One decision at a time per item: the mutation is pending while in flight and a ref guards the gap
 * before React re-renders, so a double tap cannot send twice (the server answers 409 to a second one anyway).
 */
export function useApprovalDecision(item: ApprovalItem | undefined, onDone?: (res: DecisionResponse) => void) {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: (d: Decision) => {
      if (!item) throw new Error("No item");
      return d.kind === "approve" ? approveItem(item.id, d.edits) : rejectItem(item.id, d.reason);
    },
    meta: { silent: true },
    onSuccess: (res) => {
      const m = decisionMessage(res);
      if (m.ok) notify.success(m.text);
      else notify.error(m.text);
      void afterDecision(queryClient, res.approval);
      onDone?.(res);
    },
    onError: () => {
      // 409 and friends mean the item changed under us: show what it is now.
      void afterDecision(queryClient);
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const decide = (d: Decision) => {
    if (inFlight.current || mutation.isPending) return;
    inFlight.current = true;
    mutation.mutate(d);
  };
  return {
    approve: (edits?: ApproveRequest | null) => decide({ kind: "approve", edits }),
    reject: (reason: string) => decide({ kind: "reject", reason }),
    busy: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
  };
}
