import { useQuery } from "@tanstack/react-query";
import { Server } from "lucide-react";
import { VerdictBadge } from "@/web/components/health/verdict-badge";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { formatRate } from "@/contract/health/verdict-logic";
import { overviewServersQuery } from "@/web/lib/alerts-api";
import { selectedServer } from "@/web/lib/server-selection";
import { formatCount } from "../overview-shape";

/** With an account token: one compact row per server (today), choosing one switches the overview. */
export function OverviewServers({ current }: { current: number | null }) {
  const q = useQuery(overviewServersQuery);
  if (!q.data?.account || q.data.servers.length < 2) return null;
  return (
    <section aria-label="All servers today" className="rounded-lg border bg-card p-4" data-testid="overview-servers">
      <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <Server aria-hidden className="size-4 text-muted-foreground" />
        All servers today
      </h2>
      <ul className="divide-y">
        {q.data.servers.map((s) => (
          <li
            key={s.serverId}
            className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2"
            data-testid={`server-row-${s.serverId}`}
          >
            <Button
              variant="link"
              className="h-auto p-0 text-sm"
              aria-current={s.serverId === current || undefined}
              onClick={() => selectedServer.set(s.serverId)}
            >
              {s.name}
            </Button>
            {s.today ? (
              <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground tabular-nums">
                {formatCount(s.today.sent)} sent · bounces {formatRate(s.today.bounce.rate)}{" "}
                <VerdictBadge verdict={s.today.bounce} /> · spam {formatRate(s.today.spam.rate)}{" "}
                <VerdictBadge verdict={s.today.spam} />
                {s.firing > 0 && <Badge variant="destructive">{s.firing} firing</Badge>}
              </span>
            ) : (
              <span className="text-xs break-words text-destructive">{s.error}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
