import { Link } from "@tanstack/react-router";
import { BellRing, CircleCheck } from "lucide-react";
import type { AlertItem } from "@/contract/api/alerts";
import { alertKindLabel } from "@/contract/health/alert-rules";
import { Badge } from "@/web/components/ui/badge";
import { formatDateTime } from "@/web/lib/format";
import { cn } from "@/web/lib/utils";

/** One alert as a row (overview, feed, alerts page): what, since when, and a link to its detail. */
export function AlertEntry({
  alert,
  serverName,
  className,
}: {
  alert: AlertItem;
  serverName?: string;
  className?: string;
}) {
  const firing = alert.status === "firing";
  return (
    <Link
      to="/alerts"
      search={{ alert: alert.id }}
      className={cn("flex items-start gap-3 px-3 py-2.5 hover:bg-muted/50", className)}
      data-testid="alert-entry"
      data-status={alert.status}
    >
      {firing ? (
        <BellRing aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
      ) : (
        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
      )}
      <span className="min-w-0 flex-1">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-words">{alert.ruleName}</span>
          <Badge variant={firing ? "destructive" : "success"}>{firing ? "Firing" : "Resolved"}</Badge>
          <span className="text-xs text-muted-foreground">{alertKindLabel[alert.kind]}</span>
        </span>
        <span className="mt-0.5 block text-sm break-words text-muted-foreground">{alert.summary}</span>
        <span className="mt-0.5 block text-xs text-muted-foreground">
          {serverName ?? `Server ${alert.serverId}`} · since {formatDateTime(alert.startedAt)}
          {alert.endedAt ? ` · resolved ${formatDateTime(alert.endedAt)}` : ""}
        </span>
      </span>
    </Link>
  );
}
