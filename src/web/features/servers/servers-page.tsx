import { useQuery } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { Plus, Search, Server } from "lucide-react";
import { useState } from "react";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Skeleton } from "@/web/components/ui/skeleton";
import { serversQuery } from "@/web/lib/app-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { serversCreate, serversDelete, useCan, useCurrentServer, useServersList } from "./servers-api";
import type { ServerSummary } from "./servers-shape";
import { ServerCreateDialog } from "./components/server-create-dialog";
import { ServerDeleteDialog } from "./components/server-delete-dialog";
import { ServerSettingsForm } from "./components/server-settings-form";
import { ServerItem } from "./components/server-item";

const route = getRouteApi("/_app/servers");

export function ServersPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const app = useQuery({ ...serversQuery, meta: { silent: true } });
  const currentId = serverId ?? app.data?.defaultServerId ?? undefined;
  const list = useServersList(search.name);
  const current = useCurrentServer(serverId);
  const canCreate = useCan(serversCreate);
  const canDelete = useCan(serversDelete);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ServerSummary | null>(null);
  return (
    <div className="mx-auto flex w-full max-w-4xl min-w-0 flex-col gap-6">
      <PageHeader
        title="Servers"
        description="The account's servers, and the settings of the server you are looking at (pick it in the switcher at the top)."
        actions={
          <>
            <ExplorerLink area="servers" />
            <Button size="sm" onClick={() => setCreating(true)} disabled={!canCreate.allowed} title={canCreate.reason}>
              <Plus aria-hidden />
              Create server
            </Button>
          </>
        }
      />
      <section className="flex flex-col gap-3" aria-labelledby="servers-all">
        <h2 id="servers-all" className="text-lg font-semibold">
          All servers
        </h2>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            aria-label="Filter servers by name"
            placeholder="Filter by name"
            className="pl-8"
            value={search.name ?? ""}
            onChange={(e) =>
              void navigate({ search: { name: e.target.value.trim() ? e.target.value : undefined }, replace: true })
            }
          />
        </div>
        <DataList
          items={list.data?.Servers}
          itemKey={(s) => s.ID}
          label="Servers"
          className="divide-y rounded-lg border bg-card"
          testId="servers-list"
          {...queryState(list)}
          loadingLabel="Loading servers"
          skeletonRows={3}
          skeletonClassName="h-14"
          errorTitle="Could not load the servers"
          empty={{
            icon: Server,
            title: search.name ? "No server matches this name" : "No servers",
            children: search.name ? "Clear the filter to see every server." : "Create a server to start sending.",
          }}
          itemClassName="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center"
          itemAttributes={(s) => ({ "data-testid": "server-row", "data-name": s.Name ?? "" })}
          renderItem={(s) => (
            <ServerItem server={s} current={s.ID === currentId} canDelete={canDelete} onDelete={setDeleting} />
          )}
        />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="servers-current">
        <h2 id="servers-current" className="text-lg font-semibold">
          Settings of {current.data?.Name ?? "the current server"}
        </h2>
        {current.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : current.isError ? (
          <ErrorState
            title="Could not load the server's settings"
            error={current.error}
            onRetry={() => void current.refetch()}
          />
        ) : (
          <ServerSettingsForm
            key={`${current.data.ID}-${current.dataUpdatedAt}`}
            config={current.data}
            serverId={serverId}
          />
        )}
      </section>
      <ServerCreateDialog open={creating} onOpenChange={setCreating} />
      <ServerDeleteDialog server={deleting} onOpenChange={(o) => !o && setDeleting(null)} />
    </div>
  );
}
