import { useEffect, useState, type ReactNode } from "react";
import type { ApprovalItem, ApproveRequest } from "@/contract/api/approvals";
import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";
import { Label } from "@/web/components/ui/label";
import { Textarea } from "@/web/components/ui/textarea";
import { useOpenCount } from "@/web/lib/open-count";
import { buildEdits, editableSections, operationOf } from "../approvals-edit";

/** Phones get a bottom sheet, so the confirming button stays under the thumb. */
const sheetOnPhone =
  "max-sm:top-auto max-sm:bottom-0 max-sm:left-0 max-sm:w-full max-sm:max-w-none max-sm:translate-x-0 max-sm:translate-y-0 max-sm:rounded-b-none max-sm:pb-[max(1.5rem,env(safe-area-inset-bottom))]";

/** A second tap landing where the first one was must not confirm: the button arms after a beat. */
export function useArmed(open: boolean, delayMs = 600): boolean {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    setArmed(false);
    if (!open) return;
    const t = setTimeout(() => setArmed(true), delayMs);
    return () => clearTimeout(t);
  }, [open, delayMs]);
  return armed;
}

export function ApprovalsConfirmApprove({
  open,
  onOpenChange,
  headline,
  detail,
  busy,
  onConfirm,
  confirmLabel = "Yes, approve",
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  headline: string;
  detail?: ReactNode;
  busy: boolean;
  onConfirm: () => void;
  confirmLabel?: string;
}) {
  const armed = useArmed(open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className={sheetOnPhone} data-testid="approve-confirm">
        <DialogHeader>
          <DialogTitle>Approve this action?</DialogTitle>
          <DialogDescription asChild>
            <div className="space-y-2">
              <p className="text-base font-medium text-foreground">{headline}</p>
              {detail}
            </div>
          </DialogDescription>
        </DialogHeader>
        <DialogFooter className="gap-2">
          <Button variant="outline" size="lg" className="h-12 sm:h-10" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button size="lg" className="h-12 sm:h-10" disabled={!armed || busy} onClick={onConfirm}>
            {busy ? "Approving…" : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function ApprovalsRejectDialog({
  open,
  onOpenChange,
  ...form
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  headline: string;
  busy: boolean;
  onReject: (reason: string) => void;
}) {
  // The reason outlives a cancelled dialog; its error is the opening's own.
  const [reason, setReason] = useState("");
  const opened = useOpenCount(open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className={sheetOnPhone} data-testid="reject-dialog">
        <RejectForm key={opened} reason={reason} setReason={setReason} onOpenChange={onOpenChange} {...form} />
      </DialogContent>
    </Dialog>
  );
}

function RejectForm({
  reason,
  setReason,
  onOpenChange,
  headline,
  busy,
  onReject,
}: {
  reason: string;
  setReason: (reason: string) => void;
  onOpenChange: (o: boolean) => void;
  headline: string;
  busy: boolean;
  onReject: (reason: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!reason.trim()) {
      setError("Say why you reject it; the reason is recorded on the run.");
      return;
    }
    onReject(reason.trim());
  };
  return (
    <>
      <DialogHeader>
        <DialogTitle>Reject this action?</DialogTitle>
        <DialogDescription>{headline}. Nothing is sent to Postmark; the run ends as rejected.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-2">
        <Label htmlFor="reject-reason">Reason (required)</Label>
        <Textarea
          id="reject-reason"
          value={reason}
          maxLength={2000}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setError(null);
          }}
          aria-invalid={!!error}
          aria-describedby={error ? "reject-reason-error" : undefined}
          rows={3}
        />
        {error && (
          <p id="reject-reason-error" className="text-sm text-destructive">
            {error}
          </p>
        )}
      </div>
      <DialogFooter className="gap-2">
        <Button variant="outline" size="lg" className="h-12 sm:h-10" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button variant="destructive" size="lg" className="h-12 sm:h-10" disabled={busy} onClick={submit}>
          {busy ? "Rejecting…" : "Reject"}
        </Button>
      </DialogFooter>
    </>
  );
}

/** Edits the request. An edit is not an approval: it clears earlier approvals, and someone else then approves the edited request. */
export function ApprovalsEditDialog({
  open,
  onOpenChange,
  item,
  busy,
  onSave,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  item: ApprovalItem;
  busy: boolean;
  onSave: (edits: ApproveRequest | null) => void;
}) {
  const op = operationOf(item);
  // Mounted afresh for each opening: a refetch while typing must not overwrite the texts.
  const opened = useOpenCount(open);
  if (!op) return null;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl" data-testid="edit-dialog">
        <EditForm key={opened} op={op} item={item} busy={busy} onSave={onSave} onOpenChange={onOpenChange} />
      </DialogContent>
    </Dialog>
  );
}

function EditForm({
  op,
  item,
  busy,
  onSave,
  onOpenChange,
}: {
  op: NonNullable<ReturnType<typeof operationOf>>;
  item: ApprovalItem;
  busy: boolean;
  onSave: (edits: ApproveRequest | null) => void;
  onOpenChange: (o: boolean) => void;
}) {
  const sections = editableSections(item);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(sections.map((s) => [s.section, s.initial])),
  );
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const submit = () => {
    const res = buildEdits(sections, texts, op);
    setErrors(res.errors);
    if (Object.keys(res.errors).length) return;
    onSave(res.edits);
  };
  return (
    <>
      <DialogHeader>
        <DialogTitle>Edit the request</DialogTitle>
        <DialogDescription>
          Change what {op.title.toLowerCase()} sends. Edits are checked against Postmark’s schema for{" "}
          <span className="font-mono">{op.id}</span>. Saving an edit is not an approval: it clears earlier approvals,
          and the edited request then needs approval by someone other than you, who sees it marked as edited with its
          changes.
        </DialogDescription>
      </DialogHeader>
      {sections.map((s) => (
        <div key={s.section} className="grid min-w-0 gap-1.5">
          <Label htmlFor={`edit-${s.section}`}>{s.label}</Label>
          {s.fields.length > 0 && (
            <p className="text-xs break-words text-muted-foreground">
              Fields: {s.fields.map((f) => `${f.name}${f.required ? "*" : ""}`).join(", ")}
            </p>
          )}
          <Textarea
            id={`edit-${s.section}`}
            className="min-h-32 font-mono text-xs"
            spellCheck={false}
            value={texts[s.section] ?? s.initial}
            onChange={(e) => setTexts((t) => ({ ...t, [s.section]: e.target.value }))}
            aria-invalid={!!errors[s.section]}
          />
          {errors[s.section]?.map((m) => (
            <p key={m} className="text-sm break-words text-destructive">
              {m}
            </p>
          ))}
        </div>
      ))}
      <DialogFooter className="gap-2">
        <Button variant="outline" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button disabled={busy} onClick={submit}>
          {busy ? "Saving…" : "Save the edit for approval"}
        </Button>
      </DialogFooter>
    </>
  );
}
