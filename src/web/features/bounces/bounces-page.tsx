import { useQuery } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { MailCheck } from "lucide-react";
import { useCallback, useState } from "react";
import { ExportButton } from "@/web/components/export-button";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Pager } from "@/web/components/pager";
import { Skeleton } from "@/web/components/ui/skeleton";
import { selectedServer } from "@/web/lib/server-selection";
import { bouncesListQuery } from "./bounces-api";
import type { BounceFilters } from "./bounces-search";
import { BOUNCES_PAGE_SIZE, bounceJobFilter, bouncesSearchInput, hasBounceFilters } from "./bounces-shape";
import { BouncesBulkBar, BouncesJobPanel } from "./components/bounces-bulk";
import { BounceDetailPanel } from "./components/bounce-detail";
import { BouncesFilters } from "./components/bounces-filters";
import { BouncesStats } from "./components/bounces-stats";
import { BouncesTable } from "./components/bounces-table";

const route = getRouteApi("/_app/bounces");

export function BouncesPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const list = useQuery(bouncesListQuery(search, serverId));
  const page = search.page ?? 1;
  const offset = Number((bouncesSearchInput(search).query as { offset: number }).offset);

  const setFilters = useCallback(
    (next: Partial<BounceFilters>) =>
      void navigate({ search: (s) => ({ ...s, ...next, page: undefined, bounce: undefined }) }),
    [navigate],
  );
  const setPage = (p: number) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) });
  const open = (id: number) => void navigate({ search: (s) => ({ ...s, bounce: id }) });
  const close = () => void navigate({ search: (s) => ({ ...s, bounce: undefined }) });
  const showJob = (id: number | undefined) => void navigate({ search: (s) => ({ ...s, job: id }) });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const select = (ids: number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const filter = bounceJobFilter(search);

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-4">
      <PageHeader
        title="Bounces"
        description={
          <>
            Bounced messages of the selected server, their SMTP dumps and reactivation.{" "}
            <ExplorerLink area="bounces" inline />
          </>
        }
      />
      <BouncesStats
        serverId={serverId}
        activeType={search.type}
        onType={(type) => setFilters({ type: type as BounceFilters["type"] })}
      />
      <BouncesFilters
        key={JSON.stringify([search.email, search.tag, search.stream, search.from, search.to])}
        filters={search}
        onChange={setFilters}
      />
      <BouncesBulkBar
        serverId={serverId}
        selected={[...selected]}
        matching={list.data?.TotalCount ?? null}
        filter={filter}
        onJob={showJob}
        onClear={() => setSelected(new Set())}
      />
      {search.job !== undefined && (
        <BouncesJobPanel id={search.job} onJob={showJob} onClose={() => showJob(undefined)} />
      )}
      <ExportButton source="bounces" filter={filter} serverId={serverId} label="Export all matching as CSV" />
      <div className="overflow-hidden rounded-lg border bg-card" data-testid="bounces-list">
        {list.isPending ? (
          <div className="flex flex-col gap-2 p-3" aria-busy="true" aria-label="Loading bounces">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : list.isError ? (
          <div className="p-3">
            <ErrorState title="Could not load bounces" error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : list.data.Bounces.length === 0 && page > 1 && list.data.TotalCount > 0 ? (
          <div className="p-3">
            <EmptyState
              icon={MailCheck}
              title={`Page ${page} is past the end of the results`}
            >{`There are ${list.data.TotalCount.toLocaleString()} bounces in all, ${Math.ceil(list.data.TotalCount / BOUNCES_PAGE_SIZE).toLocaleString()} pages.`}</EmptyState>
          </div>
        ) : list.data.Bounces.length === 0 ? (
          <div className="p-3">
            <EmptyState
              icon={MailCheck}
              title={hasBounceFilters(search) ? "No bounces match these filters" : "No bounces"}
            >
              {hasBounceFilters(search)
                ? "Try a wider date range or another type."
                : "Nothing has bounced on this server in the retention period."}
            </EmptyState>
          </div>
        ) : (
          <>
            <BouncesTable bounces={list.data.Bounces} onOpen={open} selected={selected} onSelect={select} />
            <Pager
              page={page}
              size={BOUNCES_PAGE_SIZE}
              total={list.data.TotalCount}
              shown={list.data.Bounces.length}
              offset={offset}
              onPage={setPage}
            />
          </>
        )}
      </div>
      <BounceDetailPanel id={search.bounce} serverId={serverId} onClose={close} />
    </div>
  );
}
