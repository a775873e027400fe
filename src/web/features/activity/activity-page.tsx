import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { ExportButton } from "@/web/components/export-button";
import { PageHeader } from "@/web/components/page-header";
import { Tabs, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { selectedServer } from "@/web/lib/server-selection";
import { activityTabs, type ActivityFilters as Filters, type ActivityTab } from "./activity-search";
import { activityJobFilter } from "./activity-shape";
import { ActivityFilters } from "./components/activity-filters";
import { ActivityMessageDetail } from "./components/activity-message-detail";
import { activityLists, tabTitle } from "./components/activity-lists";

const route = getRouteApi("/_app/activity");

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

  const List = activityLists[tab];

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
