import { CircleCheck, CircleDashed } from "lucide-react";
import { Badge } from "@/web/components/ui/badge";
import type { DomainSummary } from "../domains-shape";

function StatusBadge({ label, ok, optional }: { label: string; ok: boolean; optional?: boolean }) {
  return (
    <Badge
      variant={ok ? "success" : optional ? "outline" : "warning"}
      data-state={ok ? "verified" : "unverified"}
      aria-label={`${label} ${ok ? "verified" : "not verified"}`}
    >
      {ok ? <CircleCheck aria-hidden /> : <CircleDashed aria-hidden />}
      {label}
    </Badge>
  );
}

/** DKIM, Return-Path and SPF verification, each a badge (SPF is optional, so it never warns). */
export function DomainStatusBadges({
  domain,
}: {
  domain: Pick<DomainSummary, "DKIMVerified" | "ReturnPathDomainVerified" | "SPFVerified" | "WeakDKIM">;
}) {
  return (
    <div className="flex flex-wrap gap-1.5">
      <StatusBadge label="DKIM" ok={domain.DKIMVerified} />
      <StatusBadge label="Return-Path" ok={domain.ReturnPathDomainVerified} />
      <StatusBadge label="SPF" ok={domain.SPFVerified} optional />
      {domain.WeakDKIM && <Badge variant="warning">Weak DKIM</Badge>}
    </div>
  );
}
