import { getRouteApi } from "@tanstack/react-router";
import { Pause, Play } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { ErrorState } from "@/web/components/error-state";
import { LiveIndicator } from "@/web/components/live-indicator";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { FeedDetailSheet } from "./components/feed-detail-sheet";
import { FeedEmpty } from "./components/feed-empty";
import { AlertFeedEntries } from "@/web/components/health/alert-feed-entries";
import { FeedFilters } from "./components/feed-filters";
import { FeedList } from "./components/feed-list";
import { filtersOf, hasFilters, type FeedFilters as Filters } from "./feed-search";
import { useFeedEvents } from "./use-feed-events";

const route = getRouteApi("/_app/feed");

export function FeedPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters = useMemo(() => filtersOf(search), [search]);
  const [paused, setPaused] = useState(false);
  const { history, events, heldCount, resume } = useFeedEvents(filters, paused);

  const setFilters = useCallback(
    (next: Partial<Filters>) => void navigate({ search: (s) => ({ ...s, ...next, event: undefined }) }),
    [navigate],
  );
  const open = useCallback((id: number) => void navigate({ search: (s) => ({ ...s, event: id }) }), [navigate]);
  const close = useCallback(() => void navigate({ search: (s) => ({ ...s, event: undefined }) }), [navigate]);
  const loadOlder = useCallback(() => void history.fetchNextPage(), [history]);
  const togglePause = () => {
    if (paused) resume();
    setPaused(!paused);
  };
  const selected = search.event === undefined ? undefined : events.find((e) => e.id === search.event);

  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader
        title="Event feed"
        description="Postmark's webhook events as they arrive, and everything stored before."
        actions={
          <>
            <LiveIndicator />
            <Button variant="outline" size="sm" onClick={togglePause} aria-pressed={paused}>
              {paused ? <Play aria-hidden /> : <Pause aria-hidden />}
              {paused ? "Resume" : "Pause"}
              {paused && heldCount > 0 && (
                <span
                  data-testid="feed-new-count"
                  className="rounded-full bg-primary px-1.5 text-[11px] text-primary-foreground tabular-nums"
                >
                  {heldCount} new
                </span>
              )}
            </Button>
          </>
        }
      />
      <FeedFilters filters={filters} onChange={setFilters} />
      <AlertFeedEntries />
      {paused && (
        <button
          type="button"
          onClick={togglePause}
          className="mt-3 w-full rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm text-primary hover:bg-primary/10"
        >
          Paused{heldCount > 0 ? ` · ${heldCount} new event${heldCount === 1 ? "" : "s"} waiting` : ""} · resume
        </button>
      )}
      <div className="mt-3 overflow-hidden rounded-lg border bg-card">
        {history.isPending ? (
          <div className="flex flex-col gap-2 p-3" aria-busy="true" aria-label="Loading events">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-12 w-full" />
            ))}
          </div>
        ) : history.isError && events.length === 0 ? (
          <div className="p-3">
            <ErrorState title="Could not load events" error={history.error} onRetry={() => void history.refetch()} />
          </div>
        ) : events.length === 0 ? (
          <div className="p-3">
            <FeedEmpty
              filtered={hasFilters(filters)}
              onClear={() =>
                setFilters({ types: undefined, stream: undefined, recipient: undefined, tag: undefined, q: undefined })
              }
            />
          </div>
        ) : (
          <FeedList
            events={events}
            selectedId={search.event}
            onOpen={open}
            hasOlder={history.hasNextPage}
            loadingOlder={history.isFetchingNextPage}
            onLoadOlder={loadOlder}
          />
        )}
      </div>
      <FeedDetailSheet id={search.event} fromList={selected} onClose={close} />
    </div>
  );
}
