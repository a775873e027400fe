import { Link } from "@tanstack/react-router";
import { ActionError } from "@/web/components/action-error";
import { ArrowLeft, MailCheck, Pencil, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { notify } from "@/web/lib/toast";
import {
  sendersDelete,
  sendersResendConfirmation,
  sendersUpdate,
  useCan,
  useDeleteSender,
  useResendConfirmation,
  useSender,
} from "../senders-api";
import type { SenderDetail as Sender } from "../senders-shape";
import { SenderConfirmedBadge } from "./sender-confirmed-badge";
import { SenderFormDialog } from "./sender-form-dialog";

export function SenderDetail({ id, onDeleted }: { id: number; onDeleted: () => void }) {
  const q = useSender(id);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Button variant="ghost" size="sm" className="self-start" asChild>
        <Link from="/senders" to="/senders" search={({ sender: _s, ...rest }) => rest}>
          <ArrowLeft aria-hidden />
          All senders
        </Link>
      </Button>
      {q.isPending ? (
        <Skeleton className="h-48 w-full" />
      ) : q.isError ? (
        <ErrorState title={`Could not load sender signature ${id}`} error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <SenderView sender={q.data} onDeleted={onDeleted} />
      )}
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </>
  );
}

function SenderView({ sender, onDeleted }: { sender: Sender; onDeleted: () => void }) {
  const email = sender.EmailAddress ?? `signature ${sender.ID}`;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const resend = useResendConfirmation();
  const del = useDeleteSender(sender.ID, onDeleted);
  const canEdit = useCan(sendersUpdate);
  const canResend = useCan(sendersResendConfirmation);
  const canDelete = useCan(sendersDelete);
  return (
    <div className="flex min-w-0 flex-col gap-5" data-testid="sender-detail">
      <div className="flex flex-col gap-3">
        <div className="min-w-0">
          <h2 className="text-xl font-semibold break-words">{sender.Name || email}</h2>
          <p className="text-sm break-all text-muted-foreground">{email}</p>
        </div>
        <SenderConfirmedBadge confirmed={sender.Confirmed} />
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="outline"
            disabled={!canEdit.allowed}
            title={canEdit.reason}
            onClick={() => setEditing(true)}
          >
            <Pencil aria-hidden />
            Edit
          </Button>
          {!sender.Confirmed && (
            <Button
              size="sm"
              variant="outline"
              disabled={!canResend.allowed || resend.isPending}
              title={canResend.reason}
              onClick={() => {
                setError(null);
                resend.mutate(
                  { params: { signatureid: sender.ID } },
                  {
                    onSuccess: (r) => notify.success(r.Message ?? `Confirmation sent again to ${email}.`),
                    onError: setError,
                  },
                );
              }}
            >
              <MailCheck aria-hidden />
              {resend.isPending ? "Sending…" : "Resend confirmation"}
            </Button>
          )}
          <Button
            size="sm"
            variant="outline"
            className="text-destructive"
            disabled={!canDelete.allowed || del.isPending}
            title={canDelete.reason}
            onClick={() => setConfirmDelete(true)}
          >
            <Trash2 aria-hidden />
            Delete
          </Button>
        </div>
        {error != null && <ActionError error={error} testId="sender-action-error" />}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border bg-card p-4 text-sm">
        <Row label="From name">{sender.Name || "—"}</Row>
        <Row label="Reply-To">{sender.ReplyToEmailAddress || "—"}</Row>
        <Row label="Domain">
          {sender.Domain ? (
            <Link to="/domains" search={{ q: sender.Domain }} className="underline underline-offset-4">
              {sender.Domain}
            </Link>
          ) : (
            "—"
          )}
        </Row>
        <Row label="Return-Path">
          <span className="inline-flex flex-wrap items-center gap-2">
            {sender.ReturnPathDomain || "—"}
            <Badge variant={sender.ReturnPathDomainVerified ? "success" : "warning"}>
              {sender.ReturnPathDomainVerified ? "Verified" : "Not verified"}
            </Badge>
          </span>
        </Row>
        <Row label="DKIM">
          <Badge variant={sender.DKIMVerified ? "success" : "warning"}>
            {sender.DKIMVerified ? "Verified" : "Not verified"}
          </Badge>
        </Row>
        <Row label="Confirmation note">{sender.ConfirmationPersonalNote || "—"}</Row>
      </dl>
      <p className="text-sm text-muted-foreground">
        DNS records (DKIM, Return-Path) belong to the domain: publish and verify them on the Domains page.
      </p>
      <SenderFormDialog key={editing ? "open" : "closed"} open={editing} onOpenChange={setEditing} sender={sender} />
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete the sender signature ${email}?`}
        description={
          <p>Mail can no longer be sent from {email} unless its domain is verified. This cannot be undone.</p>
        }
        confirmLabel={`Delete ${email}`}
        typeToConfirm={email}
        onConfirm={() => {
          setError(null);
          del.mutate(
            { params: { signatureid: sender.ID } },
            { onSuccess: (r) => notify.success(r.Message ?? `${email} removed.`), onError: setError },
          );
        }}
      />
    </div>
  );
}
