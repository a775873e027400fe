import { Eraser, RefreshCw, TriangleAlert } from "lucide-react";
import type { DataRemovalRecord } from "@/contract/api/data-removals";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { Button } from "@/web/components/ui/button";
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
  return (
    <DataList
      items={q.data?.removals}
      itemKey={(r) => r.id}
      label="Data removal requests"
      className="divide-y rounded-lg border bg-card"
      testId="removals-list"
      {...queryState(q)}
      loadingLabel="Loading the requests"
      skeletonRows={1}
      skeletonClassName="h-24"
      errorTitle="Could not load the requests"
      empty={{
        icon: Eraser,
        title: "No requests yet",
        children:
          "Requests made here are kept by Mailroom, and their status is checked with Postmark until they are done.",
      }}
      itemClassName="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center"
      itemAttributes={(r) => ({ "data-testid": "removal-row", "data-id": r.postmarkId })}
      renderItem={(r) => (
        <RemovalItem
          removal={r}
          checking={check.isPending && check.variables === r.id}
          onCheck={() => check.mutate(r.id)}
          onDetails={() => onDetails(r.postmarkId)}
        />
      )}
    />
  );
}

function RemovalItem({
  removal: r,
  checking,
  onCheck,
  onDetails,
}: {
  removal: DataRemovalRecord;
  checking: boolean;
  onCheck: () => void;
  onDetails: () => void;
}) {
  return (
    <>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-all">{r.requestedFor}</span>
          <RemovalStatusBadge status={r.status} />
        </div>
        <p className="text-xs text-muted-foreground">
          Request <span className="font-mono">{r.postmarkId}</span> · asked by {r.requestedBy} · made by {r.createdBy}{" "}
          {formatDateTime(r.createdAt)}
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
          <Button variant="outline" size="sm" disabled={checking} onClick={onCheck}>
            <RefreshCw aria-hidden />
            Check now
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={onDetails}>
          Details
        </Button>
      </div>
    </>
  );
}
