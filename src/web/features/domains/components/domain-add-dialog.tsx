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
import { fieldErrors } from "@/web/lib/form-errors";
import { notify } from "@/web/lib/toast";
import { domainsCreate, useCreateDomain } from "../domains-api";

/** Adds a domain; Postmark's own refusals (512 exists, 516 bad name, 503 public domain…) show as they are. */
export function DomainAddDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onCreated: (id: number) => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateDomain();
  const close = (o: boolean) => {
    setErrors({});
    create.reset();
    onOpenChange(o);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const name = String(data.get("Name") ?? "").trim();
    const rp = String(data.get("ReturnPathDomain") ?? "").trim();
    const parsed = domainsCreate.body.safeParse({ Name: name, ReturnPathDomain: rp || undefined });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (!name) return setErrors({ Name: "Enter the domain you send from, e.g. example.com" });
    setErrors({});
    create.mutate(
      { body: parsed.data },
      {
        onSuccess: (d) => {
          notify.success(`Added ${d.Name ?? name}: publish its DNS records next.`);
          close(false);
          onCreated(d.ID);
        },
      },
    );
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a sending domain</DialogTitle>
          <DialogDescription>
            Postmark gives you a DKIM key and a Return-Path record to publish in the domain's DNS.
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          <FormField id="domain-name" label="Domain" error={errors.Name} required>
            <Input
              id="domain-name"
              name="Name"
              placeholder="example.com"
              autoComplete="off"
              aria-invalid={!!errors.Name}
            />
          </FormField>
          <FormField
            id="domain-return-path"
            label="Custom Return-Path"
            error={errors.ReturnPathDomain}
            hint="Optional: a subdomain such as pm-bounces.example.com"
          >
            <Input
              id="domain-return-path"
              name="ReturnPathDomain"
              autoComplete="off"
              aria-invalid={!!errors.ReturnPathDomain}
            />
          </FormField>
          {create.isError && <ActionError error={create.error} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Adding…" : "Add domain"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
