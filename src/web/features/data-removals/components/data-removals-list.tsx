import { Eraser, RefreshCw, TriangleAlert } from "lucide-react";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { formatDateTime } from "@/web/lib/format";
import { useCheckDataRemoval, useDataRemovals } from "../data-removals-api";
import { RemovalStatusBadge } from "./data-removal-status";

/** Every request made through Mailroom (Postmark cannot list them), kept on the server for all admins. */
export function DataRemovalsList({
  isAdmin,
  onDetails,
}: {
  isAdmin: boolean;
  onDetails: (postmarkId: number) => void;
}) {
  const q = useDataRemovals(isAdmin);
  const check = useCheckDataRemoval();
  if (!isAdmin)
    return <p className="text-sm text-muted-foreground">Only admins see the account's data removal requests.</p>;
  if (q.isPending) return <Skeleton className="h-24 w-full" />;
  if (q.isError)
    return <ErrorState title="Could not load the requests" error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.removals.length === 0) {
    return (
      <EmptyState icon={Eraser} title="No requests yet">
        Requests made here are kept by Mailroom, and their status is checked with Postmark until they are done.
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y rounded-lg border bg-card" data-testid="removals-list">
      {q.data.removals.map((r) => (
        <li
          key={r.id}
          className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center"
          data-testid="removal-row"
          data-id={r.postmarkId}
        >
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-all">{r.requestedFor}</span>
              <RemovalStatusBadge status={r.status} />
            </div>
            <p className="text-xs text-muted-foreground">
              Request <span className="font-mono">{r.postmarkId}</span> · asked by {r.requestedBy} · made by{" "}
              {r.createdBy} {formatDateTime(r.createdAt)}
            </p>
            <p className="text-xs text-muted-foreground">
              {r.completedAt
                ? `Completed ${formatDateTime(r.completedAt)}`
                : `Last checked ${formatDateTime(r.statusCheckedAt)}; Mailroom checks again on its own until Postmark is done.`}
            </p>
            {r.lastError && (
              <p className="flex items-start gap-1 text-xs text-destructive" data-testid="removal-error">
                <TriangleAlert className="mt-0.5 size-3 shrink-0" aria-hidden />
                Last check failed: {r.lastError}
              </p>
            )}
          </div>
          <div className="flex gap-1">
            {!r.completedAt && (
              <Button
                variant="outline"
                size="sm"
                disabled={check.isPending && check.variables === r.id}
                onClick={() => check.mutate(r.id)}
              >
                <RefreshCw aria-hidden />
                Check now
              </Button>
            )}
            <Button variant="ghost" size="sm" onClick={() => onDetails(r.postmarkId)}>
              Details
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
