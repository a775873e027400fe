import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Radio } from "lucide-react";
import { ErrorState } from "@/web/components/error-state";
import { TriggerIcon } from "@/web/components/trigger-badge";
import { Skeleton } from "@/web/components/ui/skeleton";
import { useStreamEvents } from "@/web/lib/event-stream";
import { latestEventsQuery, latestKey } from "../overview-queries";
import { ago } from "../overview-shape";
import { OverviewTile } from "./overview-tile";

/** The selected server's last few events, refreshed as the live feed announces new ones. */
export function OverviewEvents({ now, serverId, ready }: { now: number; serverId: number | null; ready: boolean }) {
  const qc = useQueryClient();
  // Until the default server is known, an unscoped list would show other servers' events.
  const q = useQuery({ ...latestEventsQuery(serverId), enabled: ready });
  useStreamEvents(() => void qc.invalidateQueries({ queryKey: latestKey }));
  return (
    <OverviewTile
      title="Latest events"
      icon={Radio}
      link={{ to: "/feed" }}
      linkLabel="Open the event feed"
      testId="tile-events"
    >
      {q.isPending ? (
        <div className="grid gap-2">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </div>
      ) : q.isError ? (
        <ErrorState title="Could not load events" error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.events.length === 0 ? (
        <p className="text-sm text-muted-foreground">No events yet. Postmark posts them once webhooks are wired.</p>
      ) : (
        <ul className="divide-y">
          {q.data.events.map((e) => (
            <li key={e.id}>
              <Link
                to="/feed"
                search={{ event: e.id }}
                className="flex items-center gap-2 py-1.5 text-sm hover:bg-muted/50"
              >
                <TriggerIcon kind={e.trigger ?? "unrecognised"} className="size-6" />
                <span className="min-w-0 flex-1 truncate">
                  {e.summary.recipient ?? e.summary.subject ?? e.summary.detail ?? e.trigger ?? "Unrecognised"}
                </span>
                <span className="shrink-0 text-xs text-muted-foreground">{ago(e.receivedAt, now)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </OverviewTile>
  );
}
