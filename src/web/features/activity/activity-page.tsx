import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { Inbox } from "lucide-react";
import { useCallback, type ReactNode } from "react";
import { DataTable, type DataTableColumn } from "@/web/components/data-table";
import { ExportButton } from "@/web/components/export-button";
import { PageHeader } from "@/web/components/page-header";
import { Tabs, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { pageWindow } from "@/web/lib/paging";
import { selectedServer } from "@/web/lib/server-selection";
import { clicksQuery, inboundQuery, opensQuery, outboundQuery } from "./activity-api";
import {
  activityTabs,
  type ActivityFilters as Filters,
  type ActivitySearch,
  type ActivityTab,
} from "./activity-search";
import { ACTIVITY_PAGE_SIZE, activityJobFilter, hasActivityFilters } from "./activity-shape";
import { ActivityFilters } from "./components/activity-filters";
import { ActivityMessageDetail } from "./components/activity-message-detail";
import { engagementColumns, engagementKey, inboundColumns, outboundColumns } from "./components/activity-tables";

const route = getRouteApi("/_app/activity");
const tabTitle: Record<ActivityTab, string> = {
  outbound: "Outbound",
  inbound: "Inbound",
  opens: "Opens",
  clicks: "Clicks",
};

interface ListProps {
  search: ActivitySearch;
  serverId: number | null;
  onPage: (p: number) => void;
  openMessage: (kind: "outbound" | "inbound") => (id: string) => void;
}

/** One tab's rows with its loading, error, empty and pager states. */
function ActivityTable<T>({
  q,
  rows,
  total,
  search,
  onPage,
  ...table
}: {
  q: UseQueryResult<unknown>;
  rows: T[] | undefined;
  total: number;
  search: ActivitySearch;
  onPage: (p: number) => void;
  columns: DataTableColumn<T>[];
  rowKey: (row: T, index: number) => string | number;
  rowAttributes: (row: T) => Record<`data-${string}`, string | undefined>;
}) {
  const tab = search.tab ?? "outbound";
  const page = search.page ?? 1;
  const filtered = hasActivityFilters(search);
  return (
    <DataTable
      fixed
      inset
      {...table}
      rows={rows}
      loading={q.isPending}
      loadingLabel="Loading activity"
      error={q.error}
      errorTitle={`Could not load ${tabTitle[tab].toLowerCase()} activity`}
      onRetry={() => void q.refetch()}
      empty={{
        icon: Inbox,
        title: filtered ? "Nothing matches these filters" : `No ${tabTitle[tab].toLowerCase()} activity`,
        children: filtered
          ? "Try a wider date range or fewer filters."
          : "Nothing recorded on this server in the retention period.",
      }}
      paging={{ page, size: ACTIVITY_PAGE_SIZE, total, offset: pageWindow(page, ACTIVITY_PAGE_SIZE).offset, onPage }}
    />
  );
}

function OutboundList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(outboundQuery(search, serverId));
  return (
    <ActivityTable
      q={q}
      rows={q.data?.Messages}
      total={q.data?.TotalCount ?? 0}
      search={search}
      onPage={onPage}
      columns={outboundColumns(openMessage("outbound"))}
      rowKey={(m, i) => m.MessageID ?? i}
      rowAttributes={() => ({ "data-testid": "outbound-row" })}
    />
  );
}
function InboundList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(inboundQuery(search, serverId));
  return (
    <ActivityTable
      q={q}
      rows={q.data?.InboundMessages}
      total={q.data?.TotalCount ?? 0}
      search={search}
      onPage={onPage}
      columns={inboundColumns(openMessage("inbound"), serverId)}
      rowKey={(m, i) => m.MessageID ?? i}
      rowAttributes={(m) => ({ "data-testid": "inbound-row", "data-status": m.Status ?? undefined })}
    />
  );
}
function OpensList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(opensQuery(search, serverId));
  return (
    <ActivityTable
      q={q}
      rows={q.data?.Opens}
      total={q.data?.TotalCount ?? 0}
      search={search}
      onPage={onPage}
      columns={engagementColumns("opens", openMessage("outbound"))}
      rowKey={engagementKey}
      rowAttributes={() => ({ "data-testid": "opens-row" })}
    />
  );
}
function ClicksList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(clicksQuery(search, serverId));
  return (
    <ActivityTable
      q={q}
      rows={q.data?.Clicks}
      total={q.data?.TotalCount ?? 0}
      search={search}
      onPage={onPage}
      columns={engagementColumns("clicks", openMessage("outbound"))}
      rowKey={engagementKey}
      rowAttributes={() => ({ "data-testid": "clicks-row" })}
    />
  );
}
const lists = { outbound: OutboundList, inbound: InboundList, opens: OpensList, clicks: ClicksList } satisfies Record<
  ActivityTab,
  (p: ListProps) => ReactNode
>;

export function ActivityPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const tab = search.tab ?? "outbound";
  const setFilters = useCallback(
    (next: Partial<Filters>) => void navigate({ search: (s) => ({ ...s, ...next, page: undefined }) }),
    [navigate],
  );
  const setTab = (t: string) =>
    void navigate({ search: (s) => ({ ...s, tab: t as ActivityTab, page: undefined, status: undefined }) });
  const setPage = (p: number) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) });
  const openMessage = (kind: "outbound" | "inbound") => (id: string) =>
    void navigate({ search: (s) => ({ ...s, message: id, kind }) });
  const close = () => void navigate({ search: (s) => ({ ...s, message: undefined, kind: undefined }) });

  const List = lists[tab];

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-4">
      <PageHeader
        title="Activity"
        description={
          <>
            Sent and received messages of the selected server, with opens and clicks.{" "}
            <ExplorerLink area="activity" inline />
          </>
        }
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          {activityTabs.map((t) => (
            <TabsTrigger key={t} value={t}>
              {tabTitle[t]}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <ActivityFilters
        key={`${tab}-${JSON.stringify([search.recipient, search.sender, search.tag, search.subject, search.stream, search.metaKey, search.metaValue, search.mailboxHash, search.from, search.to])}`}
        tab={tab}
        filters={search}
        onChange={setFilters}
      />
      <ExportButton
        key={`${tab}-${serverId}`}
        source={tab}
        filter={activityJobFilter(search)}
        serverId={serverId}
        label={`Export all matching ${tabTitle[tab].toLowerCase()} as CSV`}
      />
      <div className="overflow-hidden rounded-lg border bg-card" data-testid="activity-list">
        <List search={search} serverId={serverId} onPage={setPage} openMessage={openMessage} />
      </div>
      <ActivityMessageDetail id={search.message} kind={search.kind ?? "outbound"} serverId={serverId} onClose={close} />
    </div>
  );
}
