import { ErrorState } from "@/web/components/error-state";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { useDataRemoval } from "../data-removals-api";

export function RemovalStatusBadge({ status }: { status: string | null }) {
  if (!status) return <Badge variant="outline">Unknown</Badge>;
  return (
    <Badge variant={status === "Done" ? "success" : "warning"} data-status={status}>
      {status}
    </Badge>
  );
}

/** dataRemovals.get for the request in the URL, asked of Postmark directly. */
export function DataRemovalStatus({ id }: { id: number }) {
  const q = useDataRemoval(id);
  if (q.isPending) return <Skeleton className="h-16 w-full" />;
  if (q.isError)
    return <ErrorState title={`Could not read request ${id}`} error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-card p-3"
      data-testid="removal-status"
    >
      <div className="flex items-center gap-2 text-sm">
        <span>
          Request <span className="font-mono">{q.data.ID}</span>
        </span>
        <RemovalStatusBadge status={q.data.Status} />
      </div>
      <Button variant="outline" size="sm" disabled={q.isFetching} onClick={() => void q.refetch()}>
        {q.isFetching ? "Checking…" : "Check again"}
      </Button>
    </div>
  );
}
