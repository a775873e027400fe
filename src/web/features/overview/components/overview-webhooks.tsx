import { Link } from "@tanstack/react-router";
import { Webhook } from "lucide-react";
import type { OverviewResponse } from "@/contract/api/alerts";
import { isEventKind } from "@/web/lib/event-kinds";
import { triggerLook } from "@/web/components/trigger-badge";
import { cn } from "@/web/lib/utils";
import { ago, triggerFlows } from "../overview-shape";
import { OverviewTile } from "./overview-tile";

const stateLook = { flowing: "bg-success", quiet: "bg-warning", never: "bg-muted-foreground/40" } as const;

/** The 8 triggers: last event received, events in 24 h, and refused webhook calls. */
export function OverviewWebhooks({ webhooks, now }: { webhooks: OverviewResponse["webhooks"]; now: number }) {
  const { flows, flowing, never } = triggerFlows(webhooks.triggers);
  const refusing = webhooks.refusals.last24h > 0;
  return (
    <OverviewTile
      title="Webhook events"
      icon={Webhook}
      tone={refusing ? "critical" : undefined}
      link={{ to: "/settings", search: { tab: "webhooks" } }}
      linkLabel="Check the wiring"
      testId="tile-webhooks"
    >
      <p className="text-sm">
        <span className="font-semibold tabular-nums">{flowing} of 8</span> triggers delivered events in the last 24 h
        {never > 0 ? `; ${never} never did` : ""}.
      </p>
      <ul className="mt-2 grid grid-cols-1 gap-x-4 text-sm">
        {flows.map((f) => (
          <li
            key={f.trigger}
            className="flex items-center justify-between gap-2 py-1"
            data-testid={`flow-${f.trigger}`}
            data-state={f.state}
          >
            <Link
              to="/feed"
              search={{ types: f.trigger }}
              className="flex min-w-0 items-center gap-2 text-primary underline-offset-4 hover:underline"
            >
              <span className={cn("size-2 shrink-0 rounded-full", stateLook[f.state])} aria-hidden />
              <span className="truncate">{isEventKind(f.trigger) ? triggerLook[f.trigger].title : f.trigger}</span>
            </Link>
            <span className="shrink-0 text-xs text-muted-foreground tabular-nums" title={f.lastAt ?? undefined}>
              {f.last24h > 0 ? `${f.last24h} · ` : ""}
              {ago(f.lastAt, now)}
            </span>
          </li>
        ))}
      </ul>
      <p
        className={cn("mt-2 text-xs", refusing ? "font-medium text-destructive" : "text-muted-foreground")}
        data-testid="refusals"
      >
        {refusing
          ? `${webhooks.refusals.last24h} webhook call${webhooks.refusals.last24h === 1 ? "" : "s"} refused in 24 h (bad credentials); last ${ago(webhooks.refusals.lastAt, now)}.`
          : "No webhook call refused in 24 h."}
      </p>
    </OverviewTile>
  );
}
