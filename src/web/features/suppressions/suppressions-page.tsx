import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { ShieldCheck, Trash2 } from "lucide-react";
import { useCallback, useState } from "react";
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
import { SuppressionsTable } from "./components/suppressions-table";
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
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const chosen = [...selected];
  const toggle = (email: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(email)) next.delete(email);
      else next.add(email);
      return next;
    });

  if (q.isPending)
    return (
      <div className="flex flex-col gap-2 p-3" aria-busy="true" aria-label="Loading suppressions">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  if (q.isError)
    return (
      <div className="p-3">
        <ErrorState title="Could not load suppressions" error={q.error} onRetry={() => void q.refetch()} />
      </div>
    );
  const rows = q.data.Suppressions.filter((r) => matchesEmail(r, search.email));
  const named =
    chosen.length <= 3 ? chosen.join(", ") : `${chosen.slice(0, 3).join(", ")} and ${chosen.length - 3} more`;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b px-3 py-2 text-sm">
        <span className="text-muted-foreground" data-testid="suppressions-count">
          {rows.length} suppressed{chosen.length ? ` · ${chosen.length} selected` : ""}
        </span>
        <Button
          size="sm"
          variant="destructive"
          disabled={chosen.length === 0 || chosen.length > MAX_PER_REQUEST || !allowed.allowed || remove.isPending}
          title={
            allowed.reason ?? (chosen.length > MAX_PER_REQUEST ? `At most ${MAX_PER_REQUEST} at a time` : undefined)
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
          setSelected(new Set());
          onJob(id);
        }}
      />
      {rows.some((r) => r.SuppressionReason === "SpamComplaint") && (
        <p className="border-b px-3 py-2 text-xs text-muted-foreground">
          Spam complaint suppressions cannot be removed: Postmark keeps them to protect your sending reputation.
        </p>
      )}
      {remove.isError && (
        <div className="p-3">
          <ErrorState title="Could not remove suppressions" error={remove.error} />
        </div>
      )}
      {remove.isSuccess && (
        <div className="p-3">
          <SuppressionsResults title="Removed" results={remove.data.Suppressions} />
        </div>
      )}
      {rows.length === 0 ? (
        <div className="p-3">
          <EmptyState
            icon={ShieldCheck}
            title={
              hasSuppressionFilters(search)
                ? "No suppressions match these filters"
                : "Nothing is suppressed on this stream"
            }
          >
            {hasSuppressionFilters(search) ? "Try other filters." : "Every address can receive mail from this stream."}
          </EmptyState>
        </div>
      ) : (
        <SuppressionsTable
          rows={rows}
          selected={selected}
          onToggle={toggle}
          onToggleAll={(on) =>
            setSelected(
              on
                ? new Set(rows.filter((r) => r.SuppressionReason !== "SpamComplaint").map((r) => r.EmailAddress ?? ""))
                : new Set(),
            )
          }
        />
      )}
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
            { onSuccess: () => setSelected(new Set()) },
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
