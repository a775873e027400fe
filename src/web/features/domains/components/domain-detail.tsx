import { Link } from "@tanstack/react-router";
import { ActionError } from "@/web/components/action-error";
import { ArrowLeft, RefreshCw, RotateCw, ShieldCheck, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/web/components/ui/tooltip";
import { notify } from "@/web/lib/toast";
import {
  domainsDelete,
  domainsRotateDkim,
  domainsVerifyDkim,
  domainsVerifyReturnPath,
  useCan,
  useDeleteDomain,
  useDomain,
  useRotateDkim,
  useVerifyDkim,
  useVerifyReturnPath,
} from "../domains-api";
import { describeVerification, dnsRecords, type DomainDetail as Domain } from "../domains-shape";
import { DomainDnsRecords } from "./domain-dns-records";
import { DomainReturnPathForm } from "./domain-return-path-form";
import { DomainStatusBadges } from "./domain-status-badges";

/** Wraps a disabled action so the reason (the role) is still readable on hover and focus. */
function Guarded({ allowed, reason, children }: { allowed: boolean; reason?: string; children: ReactNode }) {
  if (allowed) return children;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span tabIndex={0}>{children}</span>
      </TooltipTrigger>
      <TooltipContent>{reason}</TooltipContent>
    </Tooltip>
  );
}

export function DomainDetail({ id, onDeleted }: { id: number; onDeleted: () => void }) {
  const query = useDomain(id);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Button variant="ghost" size="sm" className="self-start" asChild>
        <Link from="/domains" to="/domains" search={({ domain: _d, ...rest }) => rest}>
          <ArrowLeft aria-hidden />
          All domains
        </Link>
      </Button>
      {query.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-24 w-full" />
          ))}
        </div>
      ) : query.isError ? (
        <ErrorState title={`Could not load domain ${id}`} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DomainView domain={query.data} onDeleted={onDeleted} />
      )}
    </div>
  );
}

function DomainView({ domain, onDeleted }: { domain: Domain; onDeleted: () => void }) {
  const name = domain.Name ?? `Domain ${domain.ID}`;
  const input = { params: { domainid: domain.ID } };
  const verifyDkim = useVerifyDkim();
  const verifyRp = useVerifyReturnPath();
  const rotate = useRotateDkim();
  const del = useDeleteDomain(domain.ID, onDeleted);
  const canWrite = useCan(domainsVerifyDkim);
  const canRotate = useCan(domainsRotateDkim);
  const canRp = useCan(domainsVerifyReturnPath);
  const canDelete = useCan(domainsDelete);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const onError = (e: unknown) => setError(e);
  const rotating = Boolean(domain.DKIMPendingHost && domain.DKIMHost);

  return (
    <div className="flex min-w-0 flex-col gap-5" data-testid="domain-detail">
      <div className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold break-all">{name}</h2>
        <DomainStatusBadges domain={domain} />
        <div className="flex flex-wrap gap-2">
          <Guarded {...canWrite}>
            <Button
              size="sm"
              variant="outline"
              disabled={!canWrite.allowed || verifyDkim.isPending}
              onClick={() => {
                setError(null);
                verifyDkim.mutate(input, {
                  onSuccess: (d) => notify.success(describeVerification("DKIM", d)),
                  onError,
                });
              }}
            >
              <ShieldCheck aria-hidden />
              {verifyDkim.isPending ? "Verifying…" : "Verify DKIM"}
            </Button>
          </Guarded>
          <Guarded {...canRp}>
            <Button
              size="sm"
              variant="outline"
              disabled={!canRp.allowed || verifyRp.isPending}
              onClick={() => {
                setError(null);
                verifyRp.mutate(input, {
                  onSuccess: (d) => notify.success(describeVerification("Return-Path", d)),
                  onError,
                });
              }}
            >
              <RefreshCw aria-hidden />
              {verifyRp.isPending ? "Verifying…" : "Verify Return-Path"}
            </Button>
          </Guarded>
          <Guarded {...canRotate}>
            <Button
              size="sm"
              variant="outline"
              disabled={!canRotate.allowed || rotate.isPending}
              onClick={() => setConfirm("rotate")}
            >
              <RotateCw aria-hidden />
              Rotate DKIM
            </Button>
          </Guarded>
          <Guarded {...canDelete}>
            <Button
              size="sm"
              variant="outline"
              className="text-destructive"
              disabled={!canDelete.allowed || del.isPending}
              onClick={() => setConfirm("delete")}
            >
              <Trash2 aria-hidden />
              Delete
            </Button>
          </Guarded>
        </div>
        {error != null && <ActionError error={error} testId="domain-action-error" />}
        {rotating && (
          <p className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
            A DKIM rotation is under way: publish the new key below, then verify DKIM. Postmark keeps signing with the
            current key until then.
          </p>
        )}
      </div>

      <section className="flex flex-col gap-3" aria-labelledby="dns-heading">
        <h3 id="dns-heading" className="font-semibold">
          DNS records to publish
        </h3>
        <DomainDnsRecords records={dnsRecords(domain)} />
      </section>

      <section className="flex flex-col gap-3" aria-labelledby="rp-heading">
        <h3 id="rp-heading" className="font-semibold">
          Custom Return-Path
        </h3>
        <DomainReturnPathForm domain={domain} />
      </section>

      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={`Rotate the DKIM key of ${name}?`}
        description={
          <p>
            Postmark creates a new DKIM key. It is not used until you publish its TXT record in {name}'s DNS and verify
            DKIM; until then the current key keeps signing. Keep the old record until Postmark says it is safe to
            remove.
          </p>
        }
        confirmLabel="Rotate DKIM"
        onConfirm={() => {
          setError(null);
          rotate.mutate(input, {
            onSuccess: () => notify.success(`New DKIM key created for ${name}: publish it, then verify.`),
            onError,
          });
        }}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={`Delete the domain ${name}?`}
        description={
          <p>
            Postmark removes {name} from the account. Mail from addresses at {name} is refused until it is added and
            verified again. This cannot be undone.
          </p>
        }
        confirmLabel={`Delete ${name}`}
        typeToConfirm={name}
        onConfirm={() => {
          setError(null);
          del.mutate(input, {
            onSuccess: (r) => notify.success(r.Message ?? `Domain ${name} removed.`),
            onError,
          });
        }}
      />
    </div>
  );
}
