import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { ShieldCheck, Trash2 } from "lucide-react";
import { useCallback, useState } from "react";
import { DataTable } from "@/web/components/data-table";
import { queryState } from "@/web/components/list-states";
import { useRowSelection } from "@/web/components/data-table-selection";
import { ActionError } from "@/web/components/action-error";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { EmptyState } from "@/web/components/empty-state";
import { ExportButton } from "@/web/components/export-button";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { SuppressionsAdd } from "./components/suppressions-add";
import { SuppressionsBulk, SuppressionsJobPanel } from "./components/suppressions-bulk";
import { SuppressionsFilters } from "./components/suppressions-filters";
import { SuppressionsResults } from "./components/suppressions-results";
import { suppressionColumns, suppressionSelection } from "./components/suppressions-table";
import {
  dumpQuery,
  pickStream,
  streamsQuery,
  suppressionsDelete,
  usableStreams,
  type Stream,
} from "./suppressions-api";
import type { SuppressionsSearch } from "./suppressions-search";
import { dumpInput, hasSuppressionFilters, matchesEmail, MAX_PER_REQUEST } from "./suppressions-shape";

const route = getRouteApi("/_app/suppressions");

function Dump({
  streamId,
  search,
  serverId,
  onJob,
}: {
  streamId: string;
  search: SuppressionsSearch;
  serverId: number | null;
  onJob: (id: number) => void;
}) {
  const q = useQuery(dumpQuery(streamId, search, serverId));
  const user = useSessionUser();
  const allowed = permission(user?.role, suppressionsDelete.risk);
  const qc = useQueryClient();
  const remove = useMutation({
    ...postmarkMutationOptions(suppressionsDelete, serverId, qc),
    meta: { silent: true },
  });
  const { selected, change, clear } = useRowSelection<string>();
  const [confirming, setConfirming] = useState(false);
  const chosen = [...selected];
  const rows = q.data?.Suppressions.filter((r) => matchesEmail(r, search.email)) ?? [];
  const named =
    chosen.length <= 3 ? chosen.join(", ") : `${chosen.slice(0, 3).join(", ")} and ${chosen.length - 3} more`;
  return (
    <>
      <DataTable
        inset
        fixed
        columns={suppressionColumns}
        rows={q.data ? rows : undefined}
        rowKey={(r) => r.EmailAddress ?? ""}
        rowAttributes={(r) => ({ "data-testid": "suppression-row", "data-email": r.EmailAddress ?? "" })}
        {...queryState(q)}
        loadingLabel="Loading suppressions"
        skeletonRows={5}
        errorTitle="Could not load suppressions"
        empty={{
          icon: ShieldCheck,
          title: hasSuppressionFilters(search)
            ? "No suppressions match these filters"
            : "Nothing is suppressed on this stream",
          children: hasSuppressionFilters(search)
            ? "Try other filters."
            : "Every address can receive mail from this stream.",
        }}
        selection={suppressionSelection(selected, change)}
        toolbar={
          <>
            <div className="flex flex-wrap items-center justify-between gap-2 border-b px-3 py-2 text-sm">
              <span className="text-muted-foreground" data-testid="suppressions-count">
                {rows.length} suppressed{chosen.length ? ` · ${chosen.length} selected` : ""}
              </span>
              <Button
                size="sm"
                variant="destructive"
                disabled={
                  chosen.length === 0 || chosen.length > MAX_PER_REQUEST || !allowed.allowed || remove.isPending
                }
                title={
                  allowed.reason ??
                  (chosen.length > MAX_PER_REQUEST ? `At most ${MAX_PER_REQUEST} at a time` : undefined)
                }
                onClick={() => setConfirming(true)}
              >
                <Trash2 aria-hidden /> Remove selected
              </Button>
            </div>
            <SuppressionsBulk
              serverId={serverId}
              streamId={streamId}
              rows={rows}
              selected={selected}
              onJob={(id) => {
                clear();
                onJob(id);
              }}
            />
            {rows.some((r) => r.SuppressionReason === "SpamComplaint") && (
              <p className="border-b px-3 py-2 text-xs text-muted-foreground">
                Spam complaint suppressions cannot be removed: Postmark keeps them to protect your sending reputation.
              </p>
            )}
            {remove.isError && (
              <ActionError className="m-3" title="Could not remove suppressions" error={remove.error} />
            )}
            {remove.isSuccess && (
              <div className="p-3">
                <SuppressionsResults title="Removed" results={remove.data.Suppressions} />
              </div>
            )}
          </>
        }
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Remove ${chosen.length} suppression${chosen.length === 1 ? "" : "s"} from ${streamId}?`}
        description={
          <p className="break-words">
            Postmark will send to <strong>{named}</strong> on the {streamId} stream again. Removing a hard-bounce
            suppression reactivates the address.
          </p>
        }
        confirmLabel="Remove"
        onConfirm={() =>
          remove.mutate(
            { params: { streamId }, body: { Suppressions: chosen.map((EmailAddress) => ({ EmailAddress })) } },
            { onSuccess: clear },
          )
        }
      />
    </>
  );
}

export function SuppressionsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const streams = useQuery(streamsQuery(serverId));
  const usable = usableStreams(streams.data);
  const streamId = pickStream(usable, search.stream);
  const setFilters = useCallback(
    (next: Partial<SuppressionsSearch>) => void navigate({ search: (s) => ({ ...s, ...next }) }),
    [navigate],
  );
  const showJob = (id: number | undefined) => void navigate({ search: (s) => ({ ...s, job: id }) });

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-4">
      <PageHeader
        title="Suppressions"
        description={
          <>
            Addresses a stream will not send to, with the reason and who suppressed them.{" "}
            <ExplorerLink area="suppressions" inline />
          </>
        }
      />
      {streams.isPending ? (
        <Skeleton className="h-24 w-full" aria-label="Loading streams" />
      ) : streams.isError ? (
        <ErrorState
          title="Could not load message streams"
          error={streams.error}
          onRetry={() => void streams.refetch()}
        />
      ) : !streamId ? (
        <EmptyState icon={ShieldCheck} title="No streams to show">
          This server has no outbound or broadcast stream.
        </EmptyState>
      ) : (
        <>
          <SuppressionsFilters
            key={JSON.stringify([search.email, search.from, search.to])}
            streams={
              usable.some((s) => s.ID === streamId)
                ? usable
                : [...usable, { ID: streamId, Name: streamId, MessageStreamType: "unknown" } as Stream]
            }
            stream={streamId}
            filters={search}
            onStream={(id) => setFilters({ stream: id })}
            onChange={setFilters}
          />
          <SuppressionsAdd key={`add-${streamId}`} streamId={streamId} serverId={serverId} />
          <ExportButton
            key={`export-${streamId}`}
            source="suppressions"
            serverId={serverId}
            filter={{
              stream: streamId,
              ...(search.email ? { emailContains: search.email } : {}),
              ...Object.fromEntries(
                Object.entries(dumpInput(streamId, search).query ?? {}).map(([k, v]) => [k, String(v)]),
              ),
            }}
            label="Export as CSV"
          />
          {search.job !== undefined && <SuppressionsJobPanel id={search.job} onClose={() => showJob(undefined)} />}
          <div className="overflow-hidden rounded-lg border bg-card" data-testid="suppressions-list">
            <Dump key={streamId} streamId={streamId} search={search} serverId={serverId} onJob={showJob} />
          </div>
        </>
      )}
    </div>
  );
}
