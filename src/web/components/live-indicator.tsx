import { useEventStream, useEventStreamStatus, type StreamStatus } from "@/web/lib/event-stream";
import { cn } from "@/web/lib/utils";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/web/components/ui/tooltip";

const look: Record<StreamStatus, { label: string; dot: string; hint: string }> = {
  connecting: { label: "Connecting", dot: "bg-muted-foreground animate-pulse", hint: "Opening the live event stream…" },
  live: { label: "Live", dot: "bg-success", hint: "Events appear as Postmark posts them." },
  behind: {
    label: "Catching up",
    dot: "bg-warning animate-pulse",
    hint: "Reconnected; receiving the events missed while away.",
  },
  reconnecting: {
    label: "Reconnecting",
    dot: "bg-warning animate-pulse",
    hint: "The connection dropped; retrying by itself. Nothing is lost: it resumes from the last event.",
  },
  offline: {
    label: "Offline",
    dot: "bg-destructive",
    hint: "Mailroom cannot be reached. Still retrying; click to retry now.",
  },
};

/** The live event stream's state; clicking it reconnects at once. `compact` shows only the dot on phones. */
export function LiveIndicator({ compact = false, className }: { compact?: boolean; className?: string }) {
  const status = useEventStreamStatus();
  const stream = useEventStream();
  const { label, dot, hint } = look[status];
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          data-testid="live-indicator"
          data-status={status}
          onClick={() => status !== "live" && stream.reconnect()}
          aria-label={`Event stream: ${label}`}
          className={cn(
            "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium",
            className,
          )}
        >
          <span className={cn("size-2 rounded-full", dot)} aria-hidden />
          <span className={cn(compact && "hidden sm:inline")}>{label}</span>
        </button>
      </TooltipTrigger>
      <TooltipContent>{hint}</TooltipContent>
    </Tooltip>
  );
}
