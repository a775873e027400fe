import { Eraser, X } from "lucide-react";
import { EmptyState } from "@/web/components/empty-state";
import { Button } from "@/web/components/ui/button";
import { formatDateTime } from "@/web/lib/format";
import { forgetRemoval, storedRemovals } from "../data-removals-store";
import { RemovalStatusBadge } from "./data-removal-status";

/** Requests created in this browser (Postmark cannot list them), with the last status seen. */
export function DataRemovalsMine({ onCheck }: { onCheck: (id: number) => void }) {
  const list = storedRemovals.use();
  if (list.length === 0) {
    return <EmptyState icon={Eraser} title="No requests from this browser yet">Requests you create here are remembered on this device so you can check on them later.</EmptyState>;
  }
  return (
    <ul className="divide-y rounded-lg border bg-card" data-testid="removals-mine">
      {list.map((r) => (
        <li key={r.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center" data-testid="removal-row" data-id={r.id}>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-all">{r.requestedFor}</span>
              <RemovalStatusBadge status={r.status} />
            </div>
            <p className="text-xs text-muted-foreground">Request <span className="font-mono">{r.id}</span> · by {r.requestedBy} · {formatDateTime(r.createdAt)}</p>
          </div>
          <div className="flex gap-1">
            <Button variant="outline" size="sm" onClick={() => onCheck(r.id)}>Check status</Button>
            <Button variant="ghost" size="icon" className="size-8" aria-label={`Forget request ${r.id}`} title="Forget (this only removes it from this browser)"
              onClick={() => storedRemovals.set(forgetRemoval(storedRemovals.get(), r.id))}>
              <X aria-hidden />
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
