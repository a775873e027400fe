import { useState, type FormEvent } from "react";
import { ActionError } from "@/web/components/action-error";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { fieldErrors } from "@/web/lib/form-errors";
import { notify } from "@/web/lib/toast";
import { domainsUpdate, useCan, useUpdateDomain } from "../domains-api";
import type { DomainDetail } from "../domains-shape";

/** Changes the custom Return-Path; a new one has to be published (CNAME) and verified again. */
export function DomainReturnPathForm({ domain }: { domain: DomainDetail }) {
  const [value, setValue] = useState(domain.ReturnPathDomain ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateDomain();
  const can = useCan(domainsUpdate);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = domainsUpdate.body.safeParse({ ReturnPathDomain: value.trim() });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    update.mutate(
      { params: { domainid: domain.ID }, body: parsed.data },
      {
        onSuccess: (d) =>
          notify.success(
            `Return-Path of ${d.Name ?? "the domain"} is now ${d.ReturnPathDomain}: publish its CNAME and verify.`,
          ),
      },
    );
  };
  const unchanged = value.trim() === (domain.ReturnPathDomain ?? "");
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-3">
      <FormField
        id="rp-domain"
        label="Return-Path domain"
        error={errors.ReturnPathDomain}
        hint={`A subdomain of ${domain.Name ?? "the domain"} pointing (CNAME) at ${domain.ReturnPathDomainCNAMEValue ?? "pm.mtasv.net"}.`}
      >
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="rp-domain"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            disabled={!can.allowed}
            className="sm:flex-1"
          />
          <Button
            type="submit"
            variant="outline"
            disabled={!can.allowed || unchanged || update.isPending}
            title={can.reason}
          >
            {update.isPending ? "Saving…" : "Save Return-Path"}
          </Button>
        </div>
      </FormField>
      {update.isError && <ActionError error={update.error} />}
    </form>
  );
}
