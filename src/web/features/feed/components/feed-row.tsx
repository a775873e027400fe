import { TriangleAlert } from "lucide-react";
import { memo } from "react";
import type { FeedEvent } from "@/contract/api/events";
import { TriggerBadge } from "@/web/components/trigger-badge";
import { formatDateTime } from "@/web/lib/format";
import { cn } from "@/web/lib/utils";
import { formatRelative, summariseRow } from "../feed-row-summary";

/** One event at a glance: what, who, subject or link, the key detail, when. */
export const FeedRow = memo(function FeedRow({
  event,
  now,
  selected,
  onOpen,
}: {
  event: FeedEvent;
  now: number;
  selected: boolean;
  onOpen: (id: number) => void;
}) {
  const s = summariseRow(event);
  return (
    <button
      type="button"
      onClick={() => onOpen(event.id)}
      data-testid="feed-row"
      data-trigger={s.kind}
      data-event-id={event.id}
      aria-current={selected || undefined}
      className={cn(
        "flex w-full min-w-0 flex-col gap-1 border-b px-3 py-2.5 text-left transition-colors hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none sm:px-4",
        selected && "bg-accent/60",
      )}
    >
      <span className="flex min-w-0 items-center gap-2">
        <TriggerBadge kind={s.kind} />
        {s.who && (
          <span className="min-w-0 truncate text-sm font-medium">
            <span className="sr-only">{s.whoLabel} </span>
            {s.who}
          </span>
        )}
        {s.test && (
          <span className="shrink-0 rounded border px-1 text-[10px] font-medium text-muted-foreground uppercase">
            test
          </span>
        )}
        <time
          dateTime={event.receivedAt}
          title={formatDateTime(event.receivedAt)}
          className="ml-auto shrink-0 pl-2 text-xs text-muted-foreground tabular-nums"
        >
          {formatRelative(event.receivedAt, now)}
        </time>
      </span>
      <span className="flex min-w-0 items-baseline gap-2 text-sm">
        <span className={cn("min-w-0 truncate", s.kind === "click" && "font-mono text-xs")}>{s.headline}</span>
        {s.detail && (
          <span className="min-w-0 max-w-[50%] shrink-0 truncate text-xs text-muted-foreground">{s.detail}</span>
        )}
      </span>
      {s.warning && (
        <span className="flex min-w-0 items-center gap-1.5 text-xs text-warning-foreground dark:text-warning">
          <TriangleAlert className="size-3.5 shrink-0" aria-hidden />
          <span className="truncate">{s.warning}</span>
        </span>
      )}
    </button>
  );
});
