import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "@/web/components/error-state";
import { Skeleton } from "@/web/components/ui/skeleton";
import { cn } from "@/web/lib/utils";
import { deliveryStatsQuery } from "../bounces-api";
import { deliveryStatsRows } from "../bounces-shape";

/** Counts per bounce type from `/deliverystats`; a type's tile filters the list by it. */
export function BouncesStats({
  serverId,
  activeType,
  onType,
}: {
  serverId: number | null;
  activeType?: string;
  onType: (type: string | undefined) => void;
}) {
  const q = useQuery(deliveryStatsQuery(serverId));
  if (q.isPending) return <Skeleton className="h-20 w-full" aria-label="Loading delivery stats" />;
  if (q.isError)
    return <ErrorState title="Could not load delivery stats" error={q.error} onRetry={() => void q.refetch()} />;
  const { total, inactive, rows } = deliveryStatsRows(q.data);
  const tile = "flex min-w-0 flex-col rounded-lg border bg-card px-3 py-2 text-left";
  return (
    <section
      aria-label="Delivery stats"
      data-testid="bounces-stats"
      className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5"
    >
      <button
        type="button"
        className={cn(tile, !activeType && "ring-2 ring-primary/40")}
        onClick={() => onType(undefined)}
      >
        <span className="text-xs text-muted-foreground">All bounces</span>
        <span className="text-xl font-semibold tabular-nums">{total.toLocaleString()}</span>
      </button>
      <div className={tile}>
        <span className="text-xs text-muted-foreground">Inactive addresses</span>
        <span className="text-xl font-semibold tabular-nums">{inactive.toLocaleString()}</span>
      </div>
      {rows.map((r) => (
        <button
          key={r.name}
          type="button"
          disabled={!r.type}
          aria-pressed={activeType === r.type}
          className={cn(tile, "hover:bg-accent", activeType === r.type && "ring-2 ring-primary/40")}
          onClick={() => onType(r.type ?? undefined)}
        >
          <span className="truncate text-xs text-muted-foreground">{r.name}</span>
          <span className="text-xl font-semibold tabular-nums">{r.count.toLocaleString()}</span>
        </button>
      ))}
    </section>
  );
}
