import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCw, ShieldOff } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { Button } from "@/web/components/ui/button";
import { describeError } from "@/web/lib/api-error";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { messagesBypassInbound, messagesRetryInbound } from "../activity-api";
import { inboundAction } from "../activity-shape";

/** Bypass a blocked inbound message, or retry a failed one; Postmark's error is toasted with its code. */
export function ActivityInboundAction({
  id,
  status,
  from,
  subject,
  serverId,
}: {
  id: string;
  status: string | null;
  from: string | null;
  subject: string | null;
  serverId: number | null;
}) {
  const action = inboundAction(status);
  const op = action === "retry" ? messagesRetryInbound : messagesBypassInbound;
  const user = useSessionUser();
  const allowed = permission(user?.role, op.risk);
  const qc = useQueryClient();
  const m = useMutation({
    ...postmarkMutationOptions(op, serverId, qc),
    meta: { silent: true },
  });
  const [confirming, setConfirming] = useState(false);
  if (!action) return null;
  const what = `${subject ? `“${subject}”` : "the message"}${from ? ` from ${from}` : ""}`;
  const run = () =>
    m.mutate(
      { params: { messageid: id } },
      {
        onSuccess: (r) => notify.success(r.Message ?? (action === "bypass" ? "Message released" : "Retry scheduled")),
        onError: (e) => notify.error(describeError(e)),
      },
    );
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        disabled={!allowed.allowed || m.isPending || m.isSuccess}
        title={allowed.reason}
        onClick={() => (action === "bypass" ? setConfirming(true) : run())}
      >
        {action === "bypass" ? <ShieldOff aria-hidden /> : <RotateCw aria-hidden />}
        {m.isSuccess ? (action === "bypass" ? "Bypassed" : "Retried") : action === "bypass" ? "Bypass" : "Retry"}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Bypass the block on ${what}?`}
        description={
          <p className="break-words">
            Postmark will deliver this blocked message to your inbound webhook as if no rule or spam filter had stopped
            it.
          </p>
        }
        confirmLabel="Bypass"
        onConfirm={run}
      />
    </>
  );
}
