import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExplorerLink } from "@/web/components/explorer-link";
import { getRouteApi, Link } from "@tanstack/react-router";
import { Info, Plus, Webhook as WebhookIcon } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { DataList } from "@/web/components/data-list";
import { queryState } from "@/web/components/list-states";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { describeError } from "@/web/lib/api-error";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { WebhooksFormDialog } from "./components/webhooks-form-dialog";
import { webhooksDelete, webhookStreamsQuery, webhooksQuery } from "./webhooks-api";
import { WebhookCard } from "./components/webhook-card";
import { displayUrl, type Webhook } from "./webhooks-shaping";

const route = getRouteApi("/_app/webhooks");

export function WebhooksPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const serverId = selectedServer.use();
  const role = useSessionUser()?.role;
  const queryClient = useQueryClient();
  const list = useQuery(webhooksQuery(serverId, search.stream));
  const streamsQ = useQuery(webhookStreamsQuery(serverId));
  const streams = (streamsQ.data?.MessageStreams ?? []).flatMap((s) =>
    s.ID ? [{ ID: s.ID, Name: s.Name, MessageStreamType: s.MessageStreamType }] : [],
  );
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Webhook | undefined>();
  const [doomed, setDoomed] = useState<Webhook | null>(null);
  const remove = useMutation({
    ...postmarkMutationOptions(webhooksDelete, serverId, queryClient),
    meta: { silent: true },
  });
  const canWrite = permission(role, "write");
  const canDelete = permission(role, "destructive");

  const openForm = (w?: Webhook) => {
    setEditing(w);
    setFormOpen(true);
  };
  const confirmDelete = () => {
    const w = doomed;
    setDoomed(null);
    if (!w) return;
    remove.mutate(
      { params: { webhookid: w.ID } },
      { onSuccess: () => notify.success(`Webhook ${w.ID} deleted`), onError: (e) => notify.error(describeError(e)) },
    );
  };

  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageHeader
        title="Webhooks"
        description="Where Postmark posts each stream's events: deliveries, bounces, opens, clicks and more."
        actions={
          <>
            <ExplorerLink area="webhooks" />
            <Button size="sm" onClick={() => openForm()} disabled={!canWrite.allowed} title={canWrite.reason}>
              <Plus aria-hidden />
              Create webhook
            </Button>
          </>
        }
      />

      <div className="mb-4 flex items-start gap-2 rounded-md border bg-muted/40 p-3 text-sm">
        <Info className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
        <p className="min-w-0">
          To feed Mailroom's event feed and workflows, let Mailroom wire itself in{" "}
          <Link to="/settings" className="font-medium underline underline-offset-2">
            Settings → Webhooks
          </Link>
          : it checks which triggers reach it and adds what is missing.
        </p>
      </div>

      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Label htmlFor="webhooks-stream">Stream</Label>
        <Select
          value={search.stream ?? "all"}
          onValueChange={(v) => void navigate({ search: (s) => ({ ...s, stream: v === "all" ? undefined : v }) })}
        >
          <SelectTrigger id="webhooks-stream" className="w-56 max-w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All streams</SelectItem>
            {streams.map((s) => (
              <SelectItem key={s.ID} value={s.ID}>
                {s.Name ?? s.ID} ({s.ID})
              </SelectItem>
            ))}
            {search.stream && !streams.some((s) => s.ID === search.stream) && (
              <SelectItem value={search.stream}>{search.stream}</SelectItem>
            )}
          </SelectContent>
        </Select>
      </div>

      <DataList
        items={list.data?.Webhooks}
        itemKey={(w) => w.ID}
        label="Webhooks"
        {...queryState(list)}
        loadingLabel="Loading webhooks"
        skeletonRows={2}
        skeletonClassName="h-24"
        errorTitle="Could not load webhooks"
        empty={{
          icon: WebhookIcon,
          title: search.stream ? `No webhooks on ${search.stream}` : "No webhooks",
          children: `Postmark posts nothing for ${search.stream ? "this stream" : "this server"} yet. Create a webhook, or wire Mailroom in Settings → Webhooks.`,
        }}
        itemClassName="flex flex-col gap-3 rounded-lg border bg-card p-4 sm:flex-row sm:items-start"
        itemAttributes={(w) => ({
          "data-testid": "webhook-row",
          "data-webhook-id": w.ID,
          "data-stream": w.MessageStream ?? "",
        })}
        renderItem={(w) => (
          <WebhookCard
            webhook={w}
            canWrite={canWrite.allowed}
            canDelete={canDelete.allowed && !(remove.isPending && remove.variables?.params?.webhookid === w.ID)}
            onEdit={() => openForm(w)}
            onDelete={() => setDoomed(w)}
          />
        )}
      />

      <WebhooksFormDialog
        open={formOpen}
        onOpenChange={setFormOpen}
        webhook={editing}
        defaultStream={search.stream}
        streams={streams}
        serverId={serverId}
      />
      <ConfirmDialog
        open={doomed !== null}
        onOpenChange={(o) => !o && setDoomed(null)}
        title={`Delete webhook ${doomed?.ID ?? ""}?`}
        description={
          <>
            Postmark stops posting <strong>{doomed?.MessageStream}</strong> events to{" "}
            <code className="font-mono break-all">{displayUrl(doomed?.Url ?? null)}</code>.
          </>
        }
        confirmLabel="Delete webhook"
        onConfirm={confirmDelete}
      />
    </div>
  );
}
