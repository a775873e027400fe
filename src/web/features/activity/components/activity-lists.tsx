import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn } from "@/web/components/data-table";
import { queryState, type DataAttributes } from "@/web/components/list-states";
import { pageWindow } from "@/web/lib/paging";
import { clicksQuery, inboundQuery, opensQuery, outboundQuery } from "../activity-api";
import type { ActivitySearch, ActivityTab } from "../activity-search";
import { ACTIVITY_PAGE_SIZE, hasActivityFilters } from "../activity-shape";
import { engagementColumns, engagementKey, inboundColumns, outboundColumns } from "./activity-tables";

export const tabTitle: Record<ActivityTab, string> = {
  outbound: "Outbound",
  inbound: "Inbound",
  opens: "Opens",
  clicks: "Clicks",
};

type OpenMessage = (kind: "outbound" | "inbound") => (id: string) => void;

export interface ActivityListProps {
  search: ActivitySearch;
  serverId: number | null;
  onPage: (p: number) => void;
  openMessage: OpenMessage;
}

/** What differs between the tabs: the search, where its rows sit in Postmark's answer, and how they show. */
interface ActivityTabSpec<A extends { TotalCount: number }, T> {
  query: (search: ActivitySearch, serverId: number | null) => UseQueryOptions<A, Error, A, readonly unknown[]>;
  rows: (answer: A) => T[];
  columns: (openMessage: OpenMessage, serverId: number | null) => DataTableColumn<T>[];
  rowKey: (row: T, index: number) => string | number;
  rowAttributes: (row: T) => DataAttributes;
}

/** One tab's list: its rows with the loading, error, empty and pager states every tab shares. */
function activityList<A extends { TotalCount: number }, T>(spec: ActivityTabSpec<A, T>) {
  return function ActivityList({ search, serverId, onPage, openMessage }: ActivityListProps) {
    const q = useQuery(spec.query(search, serverId));
    const tab = search.tab ?? "outbound";
    const page = search.page ?? 1;
    const filtered = hasActivityFilters(search);
    return (
      <DataTable
        fixed
        inset
        columns={spec.columns(openMessage, serverId)}
        rows={q.data ? spec.rows(q.data) : undefined}
        rowKey={spec.rowKey}
        rowAttributes={spec.rowAttributes}
        {...queryState(q)}
        loadingLabel="Loading activity"
        errorTitle={`Could not load ${tabTitle[tab].toLowerCase()} activity`}
        empty={{
          icon: Inbox,
          title: filtered ? "Nothing matches these filters" : `No ${tabTitle[tab].toLowerCase()} activity`,
          children: filtered
            ? "Try a wider date range or fewer filters."
            : "Nothing recorded on this server in the retention period.",
        }}
        paging={{
          page,
          size: ACTIVITY_PAGE_SIZE,
          total: q.data?.TotalCount ?? 0,
          offset: pageWindow(page, ACTIVITY_PAGE_SIZE).offset,
          onPage,
        }}
      />
    );
  };
}

export const activityLists = {
  outbound: activityList({
    query: outboundQuery,
    rows: (a) => a.Messages,
    columns: (open) => outboundColumns(open("outbound")),
    rowKey: (m, i) => m.MessageID ?? i,
    rowAttributes: () => ({ "data-testid": "outbound-row" }),
  }),
  inbound: activityList({
    query: inboundQuery,
    rows: (a) => a.InboundMessages,
    columns: (open, serverId) => inboundColumns(open("inbound"), serverId),
    rowKey: (m, i) => m.MessageID ?? i,
    rowAttributes: (m) => ({ "data-testid": "inbound-row", "data-status": m.Status ?? undefined }),
  }),
  opens: activityList({
    query: opensQuery,
    rows: (a) => a.Opens,
    columns: (open) => engagementColumns("opens", open("outbound")),
    rowKey: engagementKey,
    rowAttributes: () => ({ "data-testid": "opens-row" }),
  }),
  clicks: activityList({
    query: clicksQuery,
    rows: (a) => a.Clicks,
    columns: (open) => engagementColumns("clicks", open("outbound")),
    rowKey: engagementKey,
    rowAttributes: () => ({ "data-testid": "clicks-row" }),
  }),
} satisfies Record<ActivityTab, (p: ActivityListProps) => ReactNode>;
