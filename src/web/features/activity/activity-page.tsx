import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { Inbox } from "lucide-react";
import { useCallback, type ReactNode } from "react";
import { EmptyState } from "@/web/components/empty-state";
import { ExportButton } from "@/web/components/export-button";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Pager } from "@/web/components/pager";
import { Skeleton } from "@/web/components/ui/skeleton";
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
import { EngagementTable, InboundTable, OutboundTable } from "./components/activity-tables";

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

/** Loading, error, empty and pager around one tab's rows. */
function ListFrame<T>({
  q,
  rows,
  total,
  search,
  onPage,
  children,
}: {
  q: UseQueryResult<T>;
  rows: unknown[] | undefined;
  total: number;
  search: ActivitySearch;
  onPage: (p: number) => void;
  children: ReactNode;
}) {
  const tab = search.tab ?? "outbound";
  const page = search.page ?? 1;
  const filtered = hasActivityFilters(search);
  if (q.isPending) {
    return (
      <div className="flex flex-col gap-2 p-3" aria-busy="true" aria-label="Loading activity">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  if (q.isError)
    return (
      <div className="p-3">
        <ErrorState
          title={`Could not load ${tabTitle[tab].toLowerCase()} activity`}
          error={q.error}
          onRetry={() => void q.refetch()}
        />
      </div>
    );
  if (!rows?.length && page > 1 && total > 0) {
    return (
      <div className="p-3">
        <EmptyState
          icon={Inbox}
          title={`Page ${page} is past the end of the results`}
        >{`There are ${total.toLocaleString()} in all, ${Math.ceil(total / ACTIVITY_PAGE_SIZE).toLocaleString()} pages.`}</EmptyState>
      </div>
    );
  }
  if (!rows?.length) {
    return (
      <div className="p-3">
        <EmptyState
          icon={Inbox}
          title={filtered ? "Nothing matches these filters" : `No ${tabTitle[tab].toLowerCase()} activity`}
        >
          {filtered
            ? "Try a wider date range or fewer filters."
            : "Nothing recorded on this server in the retention period."}
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      {children}
      <Pager
        page={page}
        size={ACTIVITY_PAGE_SIZE}
        total={total}
        shown={rows.length}
        offset={pageWindow(page, ACTIVITY_PAGE_SIZE).offset}
        onPage={onPage}
      />
    </>
  );
}

function OutboundList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(outboundQuery(search, serverId));
  return (
    <ListFrame q={q} rows={q.data?.Messages} total={q.data?.TotalCount ?? 0} search={search} onPage={onPage}>
      {q.data && <OutboundTable rows={q.data.Messages} onOpen={openMessage("outbound")} />}
    </ListFrame>
  );
}
function InboundList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(inboundQuery(search, serverId));
  return (
    <ListFrame q={q} rows={q.data?.InboundMessages} total={q.data?.TotalCount ?? 0} search={search} onPage={onPage}>
      {q.data && <InboundTable rows={q.data.InboundMessages} onOpen={openMessage("inbound")} serverId={serverId} />}
    </ListFrame>
  );
}
function OpensList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(opensQuery(search, serverId));
  return (
    <ListFrame q={q} rows={q.data?.Opens} total={q.data?.TotalCount ?? 0} search={search} onPage={onPage}>
      {q.data && <EngagementTable kind="opens" rows={q.data.Opens} onOpen={openMessage("outbound")} />}
    </ListFrame>
  );
}
function ClicksList({ search, serverId, onPage, openMessage }: ListProps) {
  const q = useQuery(clicksQuery(search, serverId));
  return (
    <ListFrame q={q} rows={q.data?.Clicks} total={q.data?.TotalCount ?? 0} search={search} onPage={onPage}>
      {q.data && <EngagementTable kind="clicks" rows={q.data.Clicks} onOpen={openMessage("outbound")} />}
    </ListFrame>
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
