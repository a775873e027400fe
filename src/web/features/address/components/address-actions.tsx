import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, RotateCcw, Undo2 } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { bouncesActivate, suppressionsCreate, suppressionsDelete } from "../address-api";

type Kind = "reactivate" | "remove" | "suppress";
const words: Record<Kind, { label: string; title: (a: string, s: string) => string; body: string }> = {
  reactivate: {
    label: "Reactivate",
    title: (a, s) => `Reactivate ${a} on ${s}?`,
    body: "Postmark sends to it again; if it still bounces it is deactivated again.",
  },
  remove: {
    label: "Remove suppression",
    title: (a, s) => `Remove the suppression of ${a} on ${s}?`,
    body: "Postmark sends to it again on this stream.",
  },
  suppress: {
    label: "Suppress",
    title: (a, s) => `Suppress ${a} on ${s}?`,
    body: "Postmark stops sending to it on this stream until the suppression is removed.",
  },
};

/** One action on the address (reactivate, remove the suppression, suppress), confirmed, with Postmark's answer. */
export function AddressAction({
  kind,
  email,
  stream,
  serverId,
  bounceId,
  onDone,
}: {
  kind: Kind;
  email: string;
  stream: string;
  serverId: number | null;
  bounceId?: number;
  onDone: () => void;
}) {
  const user = useSessionUser();
  const qc = useQueryClient();
  const op = kind === "reactivate" ? bouncesActivate : kind === "remove" ? suppressionsDelete : suppressionsCreate;
  const may = permission(user?.role, op.risk);
  const [open, setOpen] = useState(false);
  const m = useMutation({
    ...postmarkMutationOptions(op, serverId, qc),
    meta: { silent: true },
  });
  const w = words[kind];
  const Icon = kind === "reactivate" ? RotateCcw : kind === "remove" ? Undo2 : Ban;
  const run = () =>
    m.mutate(
      kind === "reactivate"
        ? { params: { bounceid: bounceId } }
        : { params: { streamId: stream }, body: { Suppressions: [{ EmailAddress: email }] } },
      {
        onSuccess: (r) => {
          // Suppression calls answer per address; a reactivation answers with the bounce.
          const item = "Suppressions" in r && Array.isArray(r.Suppressions) ? r.Suppressions[0] : undefined;
          if (item && item.Status === "Failed") notify.error(item.Message ?? `${w.label} failed`);
          else notify.success(`${w.label}: done for ${email} on ${stream}`);
          onDone();
        },
      },
    );
  return (
    <div className="flex flex-col gap-1">
      <div>
        <Button
          size="sm"
          variant={kind === "suppress" ? "outline" : "default"}
          disabled={!may.allowed || m.isPending}
          title={may.reason}
          onClick={() => setOpen(true)}
        >
          <Icon aria-hidden /> {kind === "suppress" ? `${w.label} on ${stream}` : w.label}
        </Button>
      </div>
      {m.isError && <ErrorState title={`${w.label} failed`} error={m.error} />}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={w.title(email, stream)}
        description={<p>{w.body}</p>}
        confirmLabel={w.label}
        onConfirm={run}
      />
    </div>
  );
}
