import { useQuery } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { MailCheck } from "lucide-react";
import { useCallback, useMemo } from "react";
import { ExportButton } from "@/web/components/export-button";
import { DataTable } from "@/web/components/data-table";
import { queryState } from "@/web/components/list-states";
import { useRowSelection } from "@/web/components/data-table-selection";
import { PageHeader } from "@/web/components/page-header";
import { selectedServer } from "@/web/lib/server-selection";
import { bouncesListQuery } from "./bounces-api";
import type { BounceFilters } from "./bounces-search";
import { BOUNCES_PAGE_SIZE, bounceJobFilter, bouncesSearchInput, hasBounceFilters } from "./bounces-shape";
import { BouncesBulkBar, BouncesJobPanel } from "./components/bounces-bulk";
import { BounceDetailPanel } from "./components/bounce-detail";
import { BouncesFilters } from "./components/bounces-filters";
import { BouncesStats } from "./components/bounces-stats";
import { bounceColumns, bounceSelection } from "./components/bounces-table";

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
  const open = useCallback((id: number) => void navigate({ search: (s) => ({ ...s, bounce: id }) }), [navigate]);
  const close = () => void navigate({ search: (s) => ({ ...s, bounce: undefined }) });
  const showJob = (id: number | undefined) => void navigate({ search: (s) => ({ ...s, job: id }) });
  const selection = useRowSelection<number>();
  const columns = useMemo(() => bounceColumns(open), [open]);
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
        selected={[...selection.selected]}
        matching={list.data?.TotalCount ?? null}
        filter={filter}
        onJob={showJob}
        onClear={selection.clear}
      />
      {search.job !== undefined && (
        <BouncesJobPanel id={search.job} onJob={showJob} onClose={() => showJob(undefined)} />
      )}
      <ExportButton source="bounces" filter={filter} serverId={serverId} label="Export all matching as CSV" />
      <DataTable
        framed
        testId="bounces-list"
        fixed
        columns={columns}
        rows={list.data?.Bounces}
        rowKey={(b) => b.ID}
        rowAttributes={(b) => ({ "data-testid": "bounce-row", "data-bounce-id": b.ID })}
        {...queryState(list)}
        loadingLabel="Loading bounces"
        errorTitle="Could not load bounces"
        empty={{
          icon: MailCheck,
          title: hasBounceFilters(search) ? "No bounces match these filters" : "No bounces",
          children: hasBounceFilters(search)
            ? "Try a wider date range or another type."
            : "Nothing has bounced on this server in the retention period.",
        }}
        selection={bounceSelection(selection.selected, selection.change)}
        paging={{
          page,
          size: BOUNCES_PAGE_SIZE,
          total: list.data?.TotalCount ?? 0,
          offset,
          onPage: setPage,
          noun: "bounces",
        }}
      />
      <BounceDetailPanel id={search.bounce} serverId={serverId} onClose={close} />
    </div>
  );
}
