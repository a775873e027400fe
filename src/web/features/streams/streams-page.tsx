import { ActionError } from "@/web/components/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi } from "@tanstack/react-router";
import { Plus, Waves } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Switch } from "@/web/components/ui/switch";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { StreamsFormDialog } from "./components/streams-form-dialog";
import { StreamItem } from "./components/stream-item";
import { streamsArchive, streamsQuery, streamsUnarchive } from "./streams-api";
import { streamTypes, type StreamType } from "./streams-search";
import { isArchived, isDefaultStream, sortStreams, typeLabel, type Stream } from "./streams-shaping";

const route = getRouteApi("/_app/streams");

export function StreamsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const role = useSessionUser()?.role;
  const queryClient = useQueryClient();
  const list = useQuery(streamsQuery(serverId, search));
  const [editing, setEditing] = useState<Stream | undefined>();
  const [formOpen, setFormOpen] = useState(false);
  const [archiving, setArchiving] = useState<Stream | null>(null);
  const archive = useMutation({
    ...postmarkMutationOptions(streamsArchive, serverId, queryClient),
    meta: { silent: true },
  });
  const unarchive = useMutation({
    ...postmarkMutationOptions(streamsUnarchive, serverId, queryClient),
    meta: { silent: true },
  });
  const canWrite = permission(role, "write");
  const canArchive = permission(role, "destructive");
  const failed = archive.isError
    ? { what: "archive", error: archive.error, id: String(archive.variables?.params?.streamId ?? "") }
    : unarchive.isError
      ? { what: "unarchive", error: unarchive.error, id: String(unarchive.variables?.params?.streamId ?? "") }
      : null;

  // The answer shows above the list: bring it into view, the row clicked may be far below.
  const failedRef = useRef<HTMLDivElement>(null);
  const failedKey = failed ? `${failed.what}:${failed.id}` : "";
  useEffect(() => {
    if (failedKey) failedRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [failedKey]);

  const openForm = (s?: Stream) => {
    setEditing(s);
    setFormOpen(true);
  };
  const confirmArchive = () => {
    const s = archiving;
    setArchiving(null);
    if (!s?.ID) return;
    unarchive.reset();
    archive.mutate({ params: { streamId: s.ID } }, { onSuccess: () => notify.success(`Stream ${s.ID} archived`) });
  };
  const restore = (s: Stream) => {
    if (!s.ID) return;
    archive.reset();
    unarchive.mutate({ params: { streamId: s.ID } }, { onSuccess: () => notify.success(`Stream ${s.ID} restored`) });
  };

  const streams = list.data ? sortStreams(list.data.MessageStreams) : [];
  const busyId = archive.isPending
    ? String(archive.variables?.params?.streamId)
    : unarchive.isPending
      ? String(unarchive.variables?.params?.streamId)
      : null;
  const filtered = Boolean(search.type);

  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageHeader
        title="Streams"
        description="Message streams keep transactional, broadcast and inbound mail apart, each with its own reputation and suppressions."
        actions={
          <>
            <ExplorerLink area="streams" />
            <Button size="sm" onClick={() => openForm()} disabled={!canWrite.allowed} title={canWrite.reason}>
              <Plus aria-hidden />
              Create stream
            </Button>
          </>
        }
      />

      <div className="mb-3 flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="flex items-center gap-2">
          <Label htmlFor="streams-type">Type</Label>
          <Select
            value={search.type ?? "all"}
            onValueChange={(v) =>
              void navigate({ search: (s) => ({ ...s, type: v === "all" ? undefined : (v as StreamType) }) })
            }
          >
            <SelectTrigger id="streams-type" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">All types</SelectItem>
              {streamTypes.map((t) => (
                <SelectItem key={t} value={t}>
                  {typeLabel[t]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="flex items-center gap-2">
          <Switch
            id="streams-archived"
            checked={Boolean(search.archived)}
            onCheckedChange={(on) => void navigate({ search: (s) => ({ ...s, archived: on || undefined }) })}
          />
          <Label htmlFor="streams-archived">Show archived streams</Label>
        </div>
      </div>

      {failed && (
        <ActionError
          ref={failedRef}
          className="mb-3"
          testId="stream-action-error"
          title={`Postmark did not ${failed.what} stream ${failed.id}`}
          error={failed.error}
        />
      )}

      <DataList
        items={list.data ? streams : undefined}
        itemKey={(s) => s.ID ?? ""}
        label="Message streams"
        className="flex flex-col divide-y rounded-lg border bg-card"
        {...queryState(list)}
        loadingLabel="Loading streams"
        skeletonRows={3}
        skeletonClassName="h-20"
        errorTitle="Could not load streams"
        empty={{
          icon: Waves,
          title: filtered ? `No ${typeLabel[search.type!].toLowerCase()} streams` : "No streams",
          children: filtered ? "Choose All types to see every stream." : "Create a stream to start sending.",
        }}
        itemClassName="flex flex-col gap-3 p-4 sm:flex-row sm:items-start"
        itemAttributes={(s) => ({
          "data-testid": "stream-row",
          "data-stream-id": s.ID ?? "",
          "data-archived": isArchived(s),
        })}
        renderItem={(s) => (
          <StreamItem
            stream={s}
            canWrite={canWrite.allowed}
            canArchive={canArchive.allowed}
            busy={busyId === s.ID}
            onEdit={openForm}
            onArchive={setArchiving}
            onUnarchive={restore}
          />
        )}
      />

      <StreamsFormDialog open={formOpen} onOpenChange={setFormOpen} stream={editing} serverId={serverId} />
      <ConfirmDialog
        open={archiving !== null}
        onOpenChange={(o) => !o && setArchiving(null)}
        title={`Archive stream ${archiving?.ID ?? ""}?`}
        description={
          <>
            <p>
              <strong>{archiving?.Name}</strong> (<code className="font-mono">{archiving?.ID}</code>) stops sending at
              once. Postmark purges it with its messages 45 days from now unless you unarchive it.
            </p>
            {archiving && isDefaultStream(archiving) && (
              <p className="mt-2">
                Postmark does not archive the default transactional and inbound streams; it will say so.
              </p>
            )}
          </>
        }
        confirmLabel="Archive stream"
        onConfirm={confirmArchive}
      />
    </div>
  );
}
