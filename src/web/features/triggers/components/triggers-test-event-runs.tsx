import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Workflow } from "lucide-react";
import type { RunsResponse } from "@/contract/api/workflows";
import { apiRequest } from "@/web/lib/api-client";

/** How long to keep asking: workflows start their runs within moments of the event. */
const MAX_CHECKS = 20;

/** The workflow runs a test event started, each linked, found by the event's id. */
export function TriggersTestEventRuns({ eventId }: { eventId: number }) {
  const qc = useQueryClient();
  const key = ["runs", "by-event", eventId];
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiRequest<RunsResponse>(`/api/runs?event=${eventId}&limit=20`, { signal }),
    // Runs appear as the engine picks the event up; stop once some are there or after a while.
    refetchInterval: (query) =>
      (query.state.data?.runs.length ?? 0) > 0 || query.state.dataUpdateCount >= MAX_CHECKS ? false : 1000,
    meta: { silent: true },
  });
  const runs = q.data?.runs ?? [];
  if (runs.length === 0) {
    const done = (qc.getQueryState(key)?.dataUpdateCount ?? 0) >= MAX_CHECKS;
    return (
      <p className="text-sm text-muted-foreground" data-testid="test-event-runs">
        {done
          ? "No workflow run started from it: no enabled workflow has this trigger with conditions that match."
          : "Looking for the workflow runs it starts…"}
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="test-event-runs">
      {runs.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-2">
          <Workflow className="size-4 text-muted-foreground" aria-hidden />
          It started
          <Link
            to="/runs/$runId"
            params={{ runId: String(r.id) }}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            run #{r.id}
          </Link>
          of {r.workflowName} ({r.status})
        </li>
      ))}
    </ul>
  );
}
