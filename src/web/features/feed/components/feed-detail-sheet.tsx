import { useQuery } from "@tanstack/react-query";
import { AddressLink } from "@/web/components/address-link";
import { looksLikeEmail } from "@/web/lib/email";
import { Link } from "@tanstack/react-router";
import { History, Mail, MailWarning, TriangleAlert, XIcon } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import type { FeedEvent } from "@/contract/api/events";
import { CopyButton } from "@/web/components/copy-button";
import { ErrorState } from "@/web/components/error-state";
import { JsonViewer } from "@/web/components/json-viewer";
import { TriggerBadge } from "@/web/components/trigger-badge";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { formatDateTime } from "@/web/lib/format";
import { operationParams } from "@/web/lib/operation-link";
import { feedEventQuery } from "../feed-api";
import { eventLinks, formatRelative, summariseRow } from "../feed-row-summary";

function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={mono ? "min-w-0 font-mono text-xs leading-5 break-all" : "min-w-0 break-words"}>{children}</dd>
    </>
  );
}

function Detail({ event }: { event: FeedEvent }) {
  const row = summariseRow(event);
  const s = event.summary;
  const links = eventLinks(event);
  return (
    <div className="flex flex-col gap-5">
      {row.warning && (
        <p role="note" className="flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
          <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning-foreground dark:text-warning" aria-hidden />
          <span className="min-w-0 break-words">{row.warning}</span>
        </p>
      )}
      {event.flags.test && (
        <p className="rounded-md border bg-muted/50 p-3 text-sm">
          A test event stored by Mailroom; it never came from Postmark.
        </p>
      )}
      <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        <Field label="Received">
          {formatDateTime(event.receivedAt)}{" "}
          <span className="text-muted-foreground">({formatRelative(event.receivedAt)})</span>
        </Field>
        <Field label="Recipient">
          {s.recipient && looksLikeEmail(s.recipient) ? <AddressLink email={s.recipient} /> : s.recipient}
        </Field>
        <Field label="Sender">
          {s.sender && looksLikeEmail(s.sender) ? <AddressLink email={s.sender} /> : s.sender}
        </Field>
        <Field label="Subject">{s.subject}</Field>
        <Field label={event.trigger === "click" ? "Link" : "Detail"}>{s.detail}</Field>
        <Field label="Tag">{s.tag}</Field>
        <Field label="Stream">{s.messageStream}</Field>
        <Field label="Server">{event.serverId}</Field>
        <Field label="Message ID" mono>
          {s.messageId && (
            <span className="flex min-w-0 items-start gap-1">
              <span className="min-w-0 break-all">{s.messageId}</span>
              <CopyButton value={s.messageId} label="message ID" className="-my-0.5 size-6" />
            </span>
          )}
        </Field>
        {links.bounceId !== null && (
          <Field label="Bounce ID" mono>
            {links.bounceId}
          </Field>
        )}
        <Field label="Event" mono>
          #{event.id}
        </Field>
      </dl>
      <div className="flex flex-wrap gap-2">
        {links.messageOp && (
          <Button asChild variant="outline" size="sm">
            <Link
              to="/operations/$group/$name"
              params={operationParams(links.messageOp)}
              title={`Look up MessageID ${links.messageId} in the explorer`}
            >
              <Mail aria-hidden />
              The message
            </Link>
          </Button>
        )}
        {links.bounceId !== null && (
          <Button asChild variant="outline" size="sm">
            <Link
              to="/operations/$group/$name"
              params={operationParams("bounces.get")}
              title={`Look up bounce ${links.bounceId} in the explorer`}
            >
              <MailWarning aria-hidden />
              The bounce
            </Link>
          </Button>
        )}
        {row.who && (
          <Button asChild variant="outline" size="sm">
            <Link to="/feed" search={{ recipient: row.who }}>
              <History aria-hidden />
              {row.whoLabel === "from" ? "Sender's" : "Recipient's"} history
            </Link>
          </Button>
        )}
      </div>
      {(links.messageOp || links.bounceId !== null) && (
        <p className="-mt-3 text-xs text-muted-foreground">
          The explorer opens the lookup; paste the {links.bounceId !== null ? "bounce ID" : "message ID"} shown above
          and run it.
        </p>
      )}
      <section className="flex min-w-0 flex-col gap-2">
        <h3 className="text-sm font-medium">Raw JSON</h3>
        {event.flags.payloadOmitted && event.payload == null ? (
          <p className="text-sm text-muted-foreground">This payload is large and is loading…</p>
        ) : (
          <JsonViewer value={event.payload} className="max-h-[60dvh] overflow-auto" />
        )}
      </section>
    </div>
  );
}

/** The event's fields, links and raw JSON: a side sheet on a desktop, the whole screen on a phone. */
export function FeedDetailSheet({
  id,
  fromList,
  onClose,
}: {
  id: number | undefined;
  fromList: FeedEvent | undefined;
  onClose: () => void;
}) {
  const full = useQuery({ ...feedEventQuery(id ?? 0), enabled: id !== undefined });
  // The list's copy shows at once; the full one (with a payload lists may omit) replaces it.
  const event = full.data ?? fromList;
  return (
    <DialogPrimitive.Root open={id !== undefined} onOpenChange={(open) => !open && onClose()}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <DialogPrimitive.Content
          data-testid="feed-detail"
          className="fixed inset-0 z-50 flex flex-col bg-background shadow-lg focus:outline-none sm:inset-y-0 sm:right-0 sm:left-auto sm:w-[36rem] sm:max-w-[90vw] sm:border-l"
        >
          <header className="flex items-start gap-3 border-b px-4 py-3">
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <DialogPrimitive.Title className="flex min-w-0 items-center gap-2 text-base font-semibold">
                {event ? <TriggerBadge kind={event.trigger ?? "unrecognised"} /> : null}
                <span className="truncate">{event ? summariseRow(event).headline : `Event #${id ?? ""}`}</span>
              </DialogPrimitive.Title>
              <DialogPrimitive.Description className="truncate text-xs text-muted-foreground">
                {event ? `Event #${event.id} · ${formatDateTime(event.receivedAt)}` : "Loading the event"}
              </DialogPrimitive.Description>
            </div>
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="icon" className="-mr-2 shrink-0" aria-label="Close details">
                <XIcon aria-hidden />
              </Button>
            </DialogPrimitive.Close>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
            {event ? (
              <Detail event={event} />
            ) : full.isError ? (
              <ErrorState title="Could not load this event" error={full.error} onRetry={() => void full.refetch()} />
            ) : (
              <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading">
                <Skeleton className="h-5 w-2/3" />
                <Skeleton className="h-32 w-full" />
                <Skeleton className="h-48 w-full" />
              </div>
            )}
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
