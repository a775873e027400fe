import { useQuery } from "@tanstack/react-query";
import { Radio } from "lucide-react";
import { workflowTriggers } from "@/contract/workflows/triggers";
import type { WorkflowTriggerId } from "@/contract/workflows/trigger-ids";
import { countLastDay, recentEventsQuery } from "./recent-events";

/** With no conditions a workflow runs on every event of its type: say so, with how many came in the last day. */
export function WorkflowsTriggerScope({ trigger }: { trigger: WorkflowTriggerId }) {
  const q = useQuery(recentEventsQuery(trigger));
  const title = workflowTriggers[trigger].title;
  const recent = q.data ? countLastDay(q.data.arrivals, Date.now(), q.data.limit) : null;
  return (
    <p className="flex items-start gap-1.5 rounded-md border bg-muted/40 p-2 text-xs" data-testid="trigger-scope">
      <Radio className="mt-0.5 size-3.5 shrink-0 text-primary" aria-hidden />
      <span>
        No conditions: this workflow runs on <strong>every {title} event</strong>
        {trigger === "alert" ? " (each alert that opens, of every rule)" : ""}.{" "}
        {recent
          ? `${recent.atLeast ? "At least " : ""}${recent.count} ${title} event${recent.count === 1 ? "" : "s"} ${trigger === "alert" ? "opened" : "arrived"} in the last day.`
          : q.isError
            ? "Could not count recent events."
            : "Counting recent events…"}{" "}
        Add a rule below to narrow it down.
      </span>
    </p>
  );
}
