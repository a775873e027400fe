import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ActionError } from "@/web/components/action-error";
import { Megaphone, TriangleAlert } from "lucide-react";
import { useState, type FormEvent } from "react";
import { bulkSend, bulkStatus } from "@/contract/postmark/send";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Textarea } from "@/web/components/ui/textarea";
import { formatDateTime } from "@/web/lib/format";
import { postmarkMutationOptions, postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import {
  buildBulkBody,
  bulkProgress,
  emptyBulk,
  isBulkFinished,
  recipientLines,
  type BulkBody,
  type BulkState,
} from "../bulk-shape";
import { SendStreamSelect } from "./send-stream-select";

/** Follows a bulk request until Postmark reports it finished; the id lives in the URL. */
function BulkProgress({ id }: { id: string }) {
  const serverId = selectedServer.use();
  const q = useQuery({
    ...postmarkQueryOptions(bulkStatus, { params: { bulkRequestId: id } }, serverId),
    refetchInterval: (query) => (isBulkFinished(query.state.data) || query.state.error ? false : 1500),
    meta: { silent: true },
  });
  if (q.isPending) return <p className="text-sm text-muted-foreground">Asking Postmark for the request's status…</p>;
  if (q.isError)
    return (
      <ErrorState title="Could not read the bulk request's status" error={q.error} onRetry={() => void q.refetch()} />
    );
  const s = q.data;
  const pct = bulkProgress(s);
  const done = isBulkFinished(s);
  return (
    <section
      className="flex flex-col gap-3 rounded-lg border p-4"
      aria-label="Bulk request status"
      data-testid="bulk-status"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {s.Subject ? `“${s.Subject}”` : "Bulk request"} ·{" "}
          <span data-testid="bulk-state">{s.Status ?? "Unknown"}</span>
        </p>
        <span className="font-mono text-xs break-all text-muted-foreground">{s.Id ?? id}</span>
      </div>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label="Progress"
      >
        <div className="h-full bg-primary transition-all" style={{ width: `${pct}%` }} />
      </div>
      <dl className="grid grid-cols-3 gap-2 text-center text-sm">
        <div>
          <dt className="text-muted-foreground">Messages</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="bulk-total">
            {s.TotalMessages}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Released</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="bulk-released">
            {s.ReleasedCount}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Failed</dt>
          <dd
            className={`text-lg font-semibold tabular-nums ${s.FailedCount ? "text-destructive" : ""}`}
            data-testid="bulk-failed"
          >
            {s.FailedCount}
          </dd>
        </div>
      </dl>
      {done && s.FailedCount > 0 && (
        <p className="flex items-start gap-2 text-sm text-destructive" data-testid="bulk-failed-warning">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          Postmark could not send {s.FailedCount} of {s.TotalMessages} messages (suppressed, invalid or unrenderable
          recipients). Check the addresses on the Activity and Suppressions pages.
        </p>
      )}
      <p className="text-xs text-muted-foreground">
        Submitted {formatDateTime(s.SubmittedAt)}
        {done ? "" : " · checking again every few seconds"}
      </p>
    </section>
  );
}

/** One message to many recipients on a broadcast stream (Postmark's Bulk API). */
export function SendBulkForm({
  disabled,
  followId,
  onFollow,
}: {
  disabled: boolean;
  followId?: string;
  onFollow: (id: string | undefined) => void;
}) {
  const serverId = selectedServer.use();
  const qc = useQueryClient();
  const [s, setS] = useState<BulkState>(emptyBulk);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<BulkBody | undefined>();
  const send = useMutation({ ...postmarkMutationOptions(bulkSend, serverId, qc), meta: { silent: true } });
  const set = (k: keyof BulkState, v: string) => setS((x) => ({ ...x, [k]: v }));
  const count = recipientLines(s.Recipients).length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildBulkBody(s);
    if (!built.ok) return setErrors(built.errors);
    setErrors({});
    setConfirming(built.body);
  };
  const confirm = () => {
    if (!confirming) return;
    send.mutate({ body: confirming }, { onSuccess: (r) => onFollow(r.Id ?? undefined) });
    setConfirming(undefined);
  };
  const invalid = (k: string) => (errors[k] ? { "aria-invalid": true as const } : {});
  return (
    <div className="flex flex-col gap-5">
      <form noValidate onSubmit={submit} aria-label="Bulk send" className="flex flex-col gap-4">
        <fieldset disabled={disabled} className="flex min-w-0 flex-col gap-4">
          <p className="text-sm text-muted-foreground">
            One message to many people through a broadcast stream. Each recipient gets a separate copy; Postmark sends
            them in the background and this page follows its progress.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="bulk-From" label="From" required error={errors.From}>
              <Input
                id="bulk-From"
                value={s.From}
                onChange={(e) => set("From", e.target.value)}
                placeholder="Lumen <news@lumen.example>"
                {...invalid("From")}
              />
            </FormField>
            <FormField
              id="bulk-MessageStream"
              label="Broadcast stream"
              required
              error={errors.MessageStream}
              hint="Only Broadcasts streams can send bulk mail."
            >
              <SendStreamSelect
                id="bulk-MessageStream"
                value={s.MessageStream}
                onChange={(v) => set("MessageStream", v)}
                broadcastOnly
              />
            </FormField>
            <FormField id="bulk-Subject" label="Subject" error={errors.Subject}>
              <Input id="bulk-Subject" value={s.Subject} onChange={(e) => set("Subject", e.target.value)} />
            </FormField>
            <FormField id="bulk-Tag" label="Tag" error={errors.Tag}>
              <Input id="bulk-Tag" value={s.Tag} onChange={(e) => set("Tag", e.target.value)} />
            </FormField>
            <FormField id="bulk-TextBody" label="Text body" error={errors.TextBody}>
              <Textarea
                id="bulk-TextBody"
                rows={4}
                value={s.TextBody}
                onChange={(e) => set("TextBody", e.target.value)}
              />
            </FormField>
            <FormField id="bulk-HtmlBody" label="HTML body" error={errors.HtmlBody}>
              <Textarea
                id="bulk-HtmlBody"
                rows={4}
                className="font-mono text-xs"
                value={s.HtmlBody}
                onChange={(e) => set("HtmlBody", e.target.value)}
                {...invalid("HtmlBody")}
              />
            </FormField>
          </div>
          <FormField
            id="bulk-Recipients"
            label="Recipients"
            required
            error={errors.Recipients}
            hint={`One address per line${count ? ` · ${count} recipient${count === 1 ? "" : "s"}` : ""}.`}
          >
            <Textarea
              id="bulk-Recipients"
              rows={5}
              className="font-mono text-xs"
              value={s.Recipients}
              onChange={(e) => set("Recipients", e.target.value)}
              {...invalid("Recipients")}
            />
          </FormField>
        </fieldset>
        <Button type="submit" className="self-start" disabled={disabled || send.isPending}>
          <Megaphone aria-hidden />
          {send.isPending ? "Submitting…" : "Send bulk message"}
        </Button>
        {send.isError && <ActionError error={send.error} testId="bulk-error" />}
      </form>
      {followId && <BulkProgress key={followId} id={followId} />}
      <ConfirmDialog
        open={confirming !== undefined}
        onOpenChange={(o) => !o && setConfirming(undefined)}
        title={`Send to ${confirming?.Messages.length ?? 0} recipients?`}
        description={`Postmark sends “${confirming?.Subject ?? "(no subject)"}” from ${confirming?.From ?? ""} on the ${confirming?.MessageStream ?? ""} stream. A bulk send cannot be recalled.`}
        confirmLabel="Send now"
        onConfirm={confirm}
      />
    </div>
  );
}
