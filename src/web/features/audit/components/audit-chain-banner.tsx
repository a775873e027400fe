import type { UseQueryResult } from "@tanstack/react-query";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import type { AuditVerifyResponse } from "@/contract/api/audit";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { formatDateTime } from "@/web/lib/format";

const reasons: Record<string, string> = {
  hash_mismatch: "a record was changed after it was written",
  prev_hash_mismatch: "a record was deleted or the order changed",
  seq_gap: "a sequence number is missing",
};

export function AuditChainBanner({ query }: { query: UseQueryResult<AuditVerifyResponse> }) {
  if (query.isPending) return <Skeleton className="h-14 w-full" />;
  if (query.isError)
    return <ErrorState title="Could not check the chain" error={query.error} onRetry={() => void query.refetch()} />;
  const v = query.data;
  const recheck = (
    <Button
      variant="ghost"
      size="sm"
      className="shrink-0"
      disabled={query.isFetching}
      onClick={() => void query.refetch()}
    >
      {query.isFetching ? "Checking…" : "Check again"}
    </Button>
  );
  if (v.intact) {
    return (
      <div
        role="status"
        data-testid="audit-chain"
        data-intact="true"
        className="flex flex-wrap items-center gap-3 rounded-lg border border-success/40 bg-success/10 p-3 text-sm"
      >
        <ShieldCheck className="size-5 shrink-0 text-success" aria-hidden />
        <p className="min-w-0 flex-1 basis-60">
          <span className="font-semibold">Chain intact ✓</span> — {v.checked} record{v.checked === 1 ? "" : "s"}{" "}
          checked, up to #{v.lastSeq} ({formatDateTime(v.checkedAt)}).
        </p>
        {recheck}
      </div>
    );
  }
  return (
    <div
      role="alert"
      data-testid="audit-chain"
      data-intact="false"
      className="flex flex-wrap items-center gap-3 rounded-lg border-2 border-destructive bg-destructive/10 p-3 text-sm"
    >
      <ShieldAlert className="size-5 shrink-0 text-destructive" aria-hidden />
      <p className="min-w-0 flex-1 basis-60">
        <span className="font-semibold text-destructive">Chain broken at record #{v.firstBrokenSeq ?? "?"}</span>
        {" — "}
        {v.reason ? (reasons[v.reason] ?? v.reason) : "the records do not match their hashes"}. Records from there on
        cannot be trusted; {v.checked} were checked.
      </p>
      {recheck}
    </div>
  );
}
