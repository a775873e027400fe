import { useQuery } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { lazy, Suspense, useCallback, useMemo } from "react";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Skeleton } from "@/web/components/ui/skeleton";
import { selectedServer } from "@/web/lib/server-selection";
import { StatsFilters } from "./components/stats-filters";
import { StatsKpis } from "./components/stats-kpis";
import { StatsVerdicts } from "./components/stats-verdicts";
import { overviewQuery } from "./stats-queries";
import type { StatsSearch } from "./stats-search";
import { isoDay, overviewKpis, previousRange, resolveRange, shortDay } from "./stats-shaping";

// Recharts lives only in this lazily loaded chunk, so no other page pays for it.
const StatsCharts = lazy(() => import("./components/stats-charts").then((m) => ({ default: m.StatsCharts })));

const route = getRouteApi("/_app/stats");

function ChartsFallback() {
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-busy="true" aria-label="Loading charts">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-72 w-full" />
      ))}
    </div>
  );
}

export function StatsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const today = isoDay(new Date());
  const range = useMemo(() => resolveRange(search, today), [search, today]);
  const previous = useMemo(() => previousRange(range), [range]);
  const filter = useMemo(() => ({ stream: search.stream, tag: search.tag }), [search.stream, search.tag]);
  const current = useQuery(overviewQuery(range, filter, serverId));
  const before = useQuery(overviewQuery(previous, filter, serverId));
  const setSearch = useCallback(
    (next: Partial<StatsSearch>) => void navigate({ search: (s) => ({ ...s, ...next }) }),
    [navigate],
  );
  const periodText = [
    `${shortDay(range.fromdate)} – ${shortDay(range.todate)}`,
    search.stream && `stream ${search.stream}`,
    search.tag && `tag ${search.tag}`,
  ]
    .filter(Boolean)
    .join(" · ");
  const kpis = useMemo(
    () => (current.data ? overviewKpis(current.data, before.data) : undefined),
    [current.data, before.data],
  );

  return (
    <div className="mx-auto w-full max-w-6xl">
      <PageHeader
        title="Stats"
        description={
          <>
            Deliverability and engagement from {shortDay(range.fromdate)} to {shortDay(range.todate)}, compared with the{" "}
            {shortDay(previous.fromdate)}–{shortDay(previous.todate)} period before. Postmark counts days in US Eastern
            time.
          </>
        }
        actions={<ExplorerLink area="stats" />}
      />
      <StatsFilters search={search} range={range} onChange={setSearch} />
      <section aria-label="Overview" className="mt-4">
        {current.isPending ? (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-busy="true" aria-label="Loading overview">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-[74px] w-full" />
            ))}
          </div>
        ) : current.isError ? (
          <ErrorState
            title="Could not load the overview"
            error={current.error}
            onRetry={() => void current.refetch()}
          />
        ) : (
          kpis && <StatsKpis kpis={kpis} />
        )}
      </section>
      {current.data && (
        <section aria-label="Health verdicts" className="mt-4">
          <StatsVerdicts overview={current.data} range={range} filter={filter} />
        </section>
      )}
      {!current.isError && (
        <div className="mt-6">
          <Suspense fallback={<ChartsFallback />}>
            <StatsCharts
              range={range}
              filter={filter}
              serverId={serverId}
              empty={current.data?.Sent === 0}
              periodText={periodText}
            />
          </Suspense>
        </div>
      )}
    </div>
  );
}
