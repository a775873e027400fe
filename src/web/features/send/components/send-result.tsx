import { ActionError } from "@/web/components/action-error";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CircleCheck, Send } from "lucide-react";
import { messagesOutboundDetails } from "@/contract/postmark/activity";
import { CopyButton } from "@/web/components/copy-button";
import { Button } from "@/web/components/ui/button";
import { formatDateTime } from "@/web/lib/format";
import { operationParams } from "@/web/lib/operation-link";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";

export interface SendResponse {
  To: string | null;
  SubmittedAt: string | null;
  MessageID: string | null;
  ErrorCode: number;
  Message: string | null;
}

function DeliveryStatus({ messageId }: { messageId: string }) {
  const serverId = selectedServer.use();
  const q = useQuery({
    ...postmarkQueryOptions(messagesOutboundDetails, { params: { messageid: messageId } }, serverId),
    refetchInterval: (query) => (query.state.data?.MessageEvents?.length ? false : 3000),
  });
  if (q.isPending) return <p className="text-xs text-muted-foreground">Looking up the message…</p>;
  if (q.isError) return <p className="text-xs text-muted-foreground">Details are not available yet.</p>;
  const events = q.data.MessageEvents ?? [];
  return (
    <p className="text-xs text-muted-foreground" data-testid="send-status">
      Status: <span className="font-medium text-foreground">{q.data.Status ?? "unknown"}</span>
      {events.length > 0 && <> · events: {events.map((e) => e.Type).join(", ")}</>}
    </p>
  );
}

export function SendSuccess({ result }: { result: SendResponse }) {
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded-lg border border-emerald-600/30 bg-emerald-600/5 p-4"
      data-testid="send-success"
    >
      <div className="flex items-center gap-2 font-medium text-emerald-700 dark:text-emerald-400">
        <CircleCheck className="size-4" aria-hidden />
        Sent to {result.To ?? "the recipients"}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted-foreground">MessageID</dt>
        <dd className="flex min-w-0 items-center gap-1">
          <span className="truncate font-mono text-xs" data-testid="send-message-id">
            {result.MessageID}
          </span>
          {result.MessageID && <CopyButton value={result.MessageID} label="Copy the MessageID" />}
        </dd>
        <dt className="text-muted-foreground">Submitted</dt>
        <dd>{formatDateTime(result.SubmittedAt)}</dd>
        <dt className="text-muted-foreground">Message</dt>
        <dd>{result.Message}</dd>
      </dl>
      {result.MessageID && <DeliveryStatus messageId={result.MessageID} />}
      <div className="flex flex-wrap gap-2">
        <Button asChild size="sm" variant="outline">
          <Link to="/activity">Open the Activity page</Link>
        </Button>
        <Button asChild size="sm" variant="outline">
          <Link to="/operations/$group/$name" params={operationParams(messagesOutboundDetails.id)}>
            Message details in the explorer
          </Link>
        </Button>
      </div>
    </div>
  );
}

export function SendFailure({ error }: { error: unknown }) {
  return <ActionError testId="send-error" title="Postmark did not accept the message" error={error} />;
}

/** The submit button and the outcome of a send, shared by the compose and template forms. */
export function SendSubmitBar({
  label,
  disabled,
  hasErrors,
  send,
}: {
  label: string;
  disabled: boolean;
  hasErrors: boolean;
  send: { isPending: boolean; isSuccess: boolean; isError: boolean; data?: SendResponse; error: unknown };
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={disabled || send.isPending}>
          <Send aria-hidden />
          {send.isPending ? "Sending…" : label}
        </Button>
        {hasErrors && <p className="text-sm text-destructive">Fix the highlighted fields first.</p>}
      </div>
      {send.isSuccess && send.data && <SendSuccess result={send.data} />}
      {send.isError && <SendFailure error={send.error} />}
    </>
  );
}
