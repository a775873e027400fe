import { useState, type FormEvent } from "react";
import { ActionError } from "@/web/components/action-error";
import type { CreateDataRemovalRequest } from "@/contract/api/data-removals";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Switch } from "@/web/components/ui/switch";
import { notify } from "@/web/lib/toast";
import { useCanCreateRemoval, useCreateDataRemoval } from "../data-removals-api";
import { validateRemovalForm, type RemovalFormInput } from "../data-removals-form";

const empty: RemovalFormInput = { RequestedBy: "", RequestedFor: "", NotifyWhenCompleted: true };

/** Asks Postmark to erase an address's data, after a confirmation that names the address. */
export function DataRemovalForm({ onCreated }: { onCreated: (id: number) => void }) {
  const [form, setForm] = useState<RemovalFormInput>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<CreateDataRemovalRequest | null>(null);
  const create = useCreateDataRemoval();
  const can = useCanCreateRemoval();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validateRemovalForm(form);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    create.reset();
    setPending(v.body);
  };
  const run = () => {
    if (!pending) return;
    const body = pending;
    create.mutate(body, {
      onSuccess: (r) => {
        notify.success(`Removal request ${r.postmarkId} for ${body.RequestedFor} created (${r.status}).`);
        setForm(empty);
        onCreated(r.postmarkId);
      },
    });
  };
  const set = (k: "RequestedBy" | "RequestedFor") => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label="New data removal request">
      <FormField
        id="dr-for"
        label="Erase data about"
        error={errors.RequestedFor}
        hint="The recipient's email address"
        required
      >
        <Input
          id="dr-for"
          type="email"
          value={form.RequestedFor}
          onChange={set("RequestedFor")}
          autoComplete="off"
          aria-invalid={!!errors.RequestedFor}
        />
      </FormField>
      <FormField
        id="dr-by"
        label="Requested by"
        error={errors.RequestedBy}
        hint="Who asks: you or your data protection officer"
        required
      >
        <Input
          id="dr-by"
          type="email"
          value={form.RequestedBy}
          onChange={set("RequestedBy")}
          autoComplete="email"
          aria-invalid={!!errors.RequestedBy}
        />
      </FormField>
      <div className="flex items-center gap-3">
        <Switch
          id="dr-notify"
          checked={form.NotifyWhenCompleted}
          onCheckedChange={(c) => setForm((f) => ({ ...f, NotifyWhenCompleted: c }))}
        />
        <Label htmlFor="dr-notify" className="font-normal">
          Email the requester when it is done
        </Label>
      </div>
      {create.isError && <ActionError error={create.error} />}
      {!can.allowed && <p className="text-sm text-muted-foreground">{can.reason}</p>}
      <Button type="submit" variant="destructive" className="self-start" disabled={!can.allowed || create.isPending}>
        {create.isPending ? "Requesting…" : "Request removal"}
      </Button>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(o) => !o && setPending(null)}
        title={`Erase everything Postmark holds about ${pending?.RequestedFor ?? ""}?`}
        description={
          <p>
            Postmark permanently deletes the data it holds about {pending?.RequestedFor} (messages and their events)
            across the account. It cannot be undone.
          </p>
        }
        confirmLabel={`Erase ${pending?.RequestedFor ?? ""}`}
        onConfirm={run}
      />
    </form>
  );
}
