import { useState } from "react";
import type { ApprovalItem } from "@/contract/api/approvals";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import { ApprovalsConfirmApprove, ApprovalsRejectDialog } from "./approvals-decide-dialogs";

/** Decide the selected items together; approval still goes through the same deliberate confirm. */
export function ApprovalsBulkBar({
  items,
  busy,
  error,
  onClear,
  onDecide,
}: {
  items: ApprovalItem[];
  busy: boolean;
  error: unknown;
  onClear: () => void;
  onDecide: (d: "approve" | "reject", reason?: string) => void;
}) {
  const [dialog, setDialog] = useState<"approve" | "reject" | null>(null);
  const n = items.length;
  const ops = new Set(items.map((i) => i.step.title));
  const headline = `${n} item${n === 1 ? "" : "s"}: ${[...ops].join(", ")}`;
  return (
    <>
      <div
        className="sticky bottom-0 z-20 -mx-4 mt-4 border-t bg-background/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur md:-mx-8 md:px-8"
        data-testid="bulk-bar"
      >
        {error != null && (
          <div className="mb-2">
            <ErrorState title="The decision did not go through" error={error} />
          </div>
        )}
        <div className="flex items-center gap-2">
          <Button variant="ghost" className="h-12 px-3" onClick={onClear}>
            {n} selected ✕
          </Button>
          <div className="flex-1" />
          <Button
            variant="outline"
            className="h-12 text-destructive"
            disabled={busy}
            onClick={() => setDialog("reject")}
          >
            Reject {n}
          </Button>
          <Button className="h-12" disabled={busy} onClick={() => setDialog("approve")}>
            Approve {n}…
          </Button>
        </div>
      </div>
      <ApprovalsConfirmApprove
        open={dialog === "approve"}
        onOpenChange={(o) => setDialog(o ? "approve" : null)}
        headline={headline}
        busy={busy}
        confirmLabel={`Yes, approve ${n}`}
        onConfirm={() => {
          onDecide("approve");
          setDialog(null);
        }}
        detail={
          <p>
            Each runs when it has its required approvals. Items you may not approve (your own, or already approved by
            you) are reported, not approved.
          </p>
        }
      />
      <ApprovalsRejectDialog
        open={dialog === "reject"}
        onOpenChange={(o) => setDialog(o ? "reject" : null)}
        headline={headline}
        busy={busy}
        onReject={(reason) => {
          onDecide("reject", reason);
          setDialog(null);
        }}
      />
    </>
  );
}
