import { useState, type FormEvent } from "react";
import { ActionError } from "@/web/components/action-error";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";
import { Input } from "@/web/components/ui/input";
import { Textarea } from "@/web/components/ui/textarea";
import { notify } from "@/web/lib/toast";
import { useCreateSender, useUpdateSender } from "../senders-api";
import { NOTE_MAX, senderBody, senderFormValues, type SenderDetail, type SenderFormValues } from "../senders-shape";

/** Adds a signature (Postmark emails FromEmail a confirmation link) or edits one; FromEmail cannot change. */
export function SenderFormDialog({
  open,
  onOpenChange,
  sender,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  /** The signature to edit; absent to add one. */
  sender?: SenderDetail;
  onSaved?: (s: SenderDetail) => void;
}) {
  const mode = sender ? "update" : "create";
  const [values, setValues] = useState<SenderFormValues>(() => senderFormValues(sender));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateSender();
  const update = useUpdateSender();
  const m = sender ? update : create;
  const close = (o: boolean) => {
    if (!o) {
      setErrors({});
      create.reset();
      update.reset();
      setValues(senderFormValues(sender));
    }
    onOpenChange(o);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = (s: SenderDetail) => {
      notify.success(
        sender
          ? `Saved ${s.EmailAddress ?? "the signature"}.`
          : `Added ${s.EmailAddress ?? "the signature"}: a confirmation email is on its way.`,
      );
      close(false);
      onSaved?.(s);
    };
    if (sender) {
      const r = senderBody("update", values);
      if (!r.ok) return setErrors(r.errors);
      setErrors({});
      update.mutate({ params: { signatureid: sender.ID }, body: r.body }, { onSuccess: done });
    } else {
      const r = senderBody("create", values);
      if (!r.ok) return setErrors(r.errors);
      setErrors({});
      create.mutate({ body: r.body }, { onSuccess: done });
    }
  };
  const field = (k: keyof SenderFormValues) => ({
    id: `sender-${k}`,
    value: values[k],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value })),
    "aria-invalid": !!errors[k],
    autoComplete: "off",
  });
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{sender ? `Edit ${sender.EmailAddress ?? "signature"}` : "Add a sender signature"}</DialogTitle>
          <DialogDescription>
            {sender
              ? "The From address cannot change; add a new signature for another address."
              : "Postmark emails the address a link; you can send from it once it is confirmed."}
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          {mode === "create" && (
            <FormField id="sender-FromEmail" label="From email" error={errors.FromEmail} required>
              <Input type="email" {...field("FromEmail")} />
            </FormField>
          )}
          <FormField id="sender-Name" label="From name" error={errors.Name} required>
            <Input {...field("Name")} />
          </FormField>
          <FormField id="sender-ReplyToEmail" label="Reply-To email" error={errors.ReplyToEmail} hint="Optional">
            <Input type="email" {...field("ReplyToEmail")} />
          </FormField>
          <FormField
            id="sender-ReturnPathDomain"
            label="Custom Return-Path"
            error={errors.ReturnPathDomain}
            hint="Optional: a subdomain of the sender's domain"
          >
            <Input {...field("ReturnPathDomain")} />
          </FormField>
          <FormField
            id="sender-ConfirmationPersonalNote"
            label="Note in the confirmation email"
            error={errors.ConfirmationPersonalNote}
            hint={`${values.ConfirmationPersonalNote.length}/${NOTE_MAX} characters`}
          >
            <Textarea rows={3} {...field("ConfirmationPersonalNote")} />
          </FormField>
          {m.isError && <ActionError error={m.error} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={m.isPending}>
              {m.isPending ? "Saving…" : sender ? "Save" : "Add signature"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
