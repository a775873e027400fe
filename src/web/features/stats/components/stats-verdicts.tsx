import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ChevronRight } from "lucide-react";
import { VerdictLine } from "@/web/components/health/verdict-badge";
import { Skeleton } from "@/web/components/ui/skeleton";
import { thresholdsQuery } from "@/web/lib/alerts-api";
import type { Overview, StatsFilter } from "../stats-queries";
import { statsVerdicts, type DateRange } from "../stats-shaping";

/** The period's bounce and spam-complaint verdicts (the thresholds an admin set), with the detail behind them. */
export function StatsVerdicts({
  overview,
  range,
  filter,
}: {
  overview: Overview;
  range: DateRange;
  filter: StatsFilter;
}) {
  const thresholds = useQuery(thresholdsQuery);
  if (thresholds.isPending) return <Skeleton className="h-24 w-full" aria-label="Loading the verdicts" />;
  // The numbers above still stand; without the thresholds there is only no judgement.
  if (thresholds.isError)
    return (
      <p className="text-sm text-muted-foreground">
        The health thresholds could not be loaded, so these numbers are not judged.
      </p>
    );
  const v = statsVerdicts(overview, thresholds.data.thresholds);
  const scope = { ...(filter.stream ? { stream: filter.stream } : {}), ...(filter.tag ? { tag: filter.tag } : {}) };
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="stats-verdicts">
      <div className="min-w-0 rounded-lg border bg-card p-3">
        <VerdictLine title="Bounce rate" verdict={v.bounce} testId="stats-verdict-bounce" />
        <Link
          to="/bounces"
          search={{ from: range.fromdate, to: range.todate, ...scope }}
          className="mt-2 inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline"
        >
          The bounces behind it
          <ChevronRight aria-hidden className="size-4" />
        </Link>
      </div>
      <div className="min-w-0 rounded-lg border bg-card p-3">
        <VerdictLine title="Spam-complaint rate" verdict={v.spam} testId="stats-verdict-spam" />
        <Link
          to="/feed"
          search={{ types: "spam-complaint", ...scope }}
          className="mt-2 inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline"
        >
          Spam complaints in the feed
          <ChevronRight aria-hidden className="size-4" />
        </Link>
      </div>
    </div>
  );
}
