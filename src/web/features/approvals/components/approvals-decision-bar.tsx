import { Check, PencilLine, X } from "lucide-react";
import { useState } from "react";
import type { ApprovalItem, DecisionResponse } from "@/contract/api/approvals";
import { roleMay } from "@/contract/api/auth";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import { useSessionUser } from "@/web/lib/session";
import { decisionBlock } from "../approvals-describe";
import { useApprovalDecision } from "../use-approval-decision";
import { ApprovalsConfirmApprove, ApprovalsEditDialog, ApprovalsRejectDialog } from "./approvals-decide-dialogs";
import { ApprovalsVotes } from "./approvals-item-context";

/** Approve / reject / edit, in a bar stuck to the bottom of the screen: in thumb reach on a phone. */
export function ApprovalsDecisionBar({
  item,
  headline,
  onDecided,
}: {
  item: ApprovalItem;
  headline: string;
  onDecided?: (res: DecisionResponse) => void;
}) {
  const user = useSessionUser();
  const [dialog, setDialog] = useState<"approve" | "reject" | "edit" | null>(null);
  const decision = useApprovalDecision(item, (res) => {
    setDialog(null);
    onDecided?.(res);
  });
  const block = decisionBlock(item, user, !!user && roleMay.decideApprovals(user.role));
  const canEdit = !block.edit && item.step.operationId !== "";
  const open = (d: typeof dialog) => {
    decision.reset();
    setDialog(d);
  };
  return (
    <>
      {decision.error && (
        <div className="mt-4" data-testid="decision-error">
          <ErrorState title="The decision did not go through" error={decision.error} />
        </div>
      )}
      <div
        className="sticky bottom-0 z-20 -mx-4 mt-4 border-t bg-background/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur md:-mx-8 md:px-8"
        data-testid="decision-bar"
      >
        {(block.approve ?? block.reject) && item.status === "pending" && (
          <p className="mb-2 text-xs text-muted-foreground" data-testid="decision-blocked">
            {block.approve ?? block.reject}
          </p>
        )}
        {!block.approve && block.edit && item.status === "pending" && (
          <p className="mb-2 text-xs text-muted-foreground" data-testid="edit-blocked">
            {block.edit}
          </p>
        )}
        <div className="flex items-center gap-2">
          <Button
            variant="outline"
            className="h-12 flex-1 text-base text-destructive sm:flex-none sm:px-6"
            disabled={!!block.reject || decision.busy}
            onClick={() => open("reject")}
          >
            <X aria-hidden />
            Reject
          </Button>
          <Button
            variant="outline"
            className="h-12 px-3"
            disabled={!canEdit || decision.busy}
            onClick={() => open("edit")}
            aria-label="Edit the request"
            title={block.edit ?? "Edit the request (someone else then approves it)"}
          >
            <PencilLine aria-hidden />
            <span className="hidden sm:inline">Edit</span>
          </Button>
          <div className="hidden flex-1 justify-center text-sm text-muted-foreground sm:flex">
            <ApprovalsVotes item={item} />
          </div>
          <Button
            className="h-12 flex-1 text-base sm:flex-none sm:px-8"
            disabled={!!block.approve || decision.busy}
            onClick={() => open("approve")}
          >
            <Check aria-hidden />
            Approve…
          </Button>
        </div>
      </div>
      <ApprovalsConfirmApprove
        open={dialog === "approve"}
        onOpenChange={(o) => setDialog(o ? "approve" : null)}
        headline={headline}
        busy={decision.busy}
        onConfirm={() => decision.approve()}
        detail={
          <p>
            {item.approvals.length + 1 >= item.policy.approvers
              ? "Mailroom sends the request to Postmark as soon as you confirm."
              : `Your approval is ${item.approvals.length + 1} of ${item.policy.approvers}; it runs after the next person approves.`}
          </p>
        }
      />
      <ApprovalsRejectDialog
        open={dialog === "reject"}
        onOpenChange={(o) => setDialog(o ? "reject" : null)}
        headline={headline}
        busy={decision.busy}
        onReject={decision.reject}
      />
      <ApprovalsEditDialog
        open={dialog === "edit"}
        onOpenChange={(o) => setDialog(o ? "edit" : null)}
        item={item}
        busy={decision.busy}
        onSave={(edits) => (edits ? decision.approve(edits) : setDialog(null))}
      />
    </>
  );
}
