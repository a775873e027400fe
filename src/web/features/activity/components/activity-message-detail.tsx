import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { EmailFrame } from "@/web/components/email-frame";
import { ErrorState } from "@/web/components/error-state";
import { RawText } from "@/web/components/raw-text";
import { DetailField, SidePanel } from "@/web/components/side-panel";
import { Badge } from "@/web/components/ui/badge";
import { Skeleton } from "@/web/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { PostmarkTime } from "@/web/components/postmark-time";
import { cn } from "@/web/lib/utils";
import {
  inboundDetailsQuery,
  messageClicksQuery,
  messageOpensQuery,
  outboundDetailsQuery,
  outboundDumpQuery,
  type InboundDetails,
  type OutboundDetails,
} from "../activity-api";
import { timeline } from "../activity-shape";
import { ActivityInboundAction } from "./activity-inbound-action";
import { EngagementTable, type EngagementRow } from "./activity-tables";

const Loading = () => (
  <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading">
    <Skeleton className="h-5 w-2/3" />
    <Skeleton className="h-40 w-full" />
  </div>
);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** HTML only inside the sandboxed frame; text as text. */
/** Postmark's address objects ({Email, Name}) as one line; empty lists show nothing. */
function addressList(list: unknown[]): string {
  return list
    .map((a) => (a && typeof a === "object" ? (a as { Email?: unknown; Name?: unknown }) : { Email: a }))
    .map((a) => (a.Name ? `${String(a.Name)} <${String(a.Email ?? "")}>` : String(a.Email ?? "")))
    .filter(Boolean)
    .join(", ");
}

function Bodies({ html, text }: { html: string | null; text: string | null }) {
  if (!html && !text)
    return <p className="text-sm text-muted-foreground">Postmark no longer keeps this message's content.</p>;
  return (
    <div className="flex flex-col gap-4">
      {html && (
        <Section title="HTML body">
          <EmailFrame html={html} title="HTML body of the message" blockRemote />
        </Section>
      )}
      {text && (
        <Section title="Text body">
          <RawText text={text} label="Text body" />
        </Section>
      )}
    </div>
  );
}

function Timeline({ message }: { message: OutboundDetails }) {
  const items = timeline(message.MessageEvents);
  if (items.length === 0) return <p className="text-sm text-muted-foreground">No events yet.</p>;
  return (
    <ol className="flex flex-col gap-2 border-l pl-4" data-testid="message-timeline">
      {items.map((e) => (
        <li key={e.key} className="relative text-sm">
          <span
            className={cn(
              "absolute top-1.5 -left-[1.3rem] size-2 rounded-full",
              e.tone === "good" ? "bg-success" : e.tone === "bad" ? "bg-destructive" : "bg-muted-foreground",
            )}
            aria-hidden
          />
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{e.type}</span>
            <span className="text-xs text-muted-foreground">
              <PostmarkTime iso={e.at} />
            </span>
          </div>
          {e.recipient && <div className="text-xs break-all text-muted-foreground">{e.recipient}</div>}
          {e.detail && <div className="text-xs break-all">{e.detail}</div>}
        </li>
      ))}
    </ol>
  );
}

function Engagement({ id, serverId }: { id: string; serverId: number | null }) {
  const opens = useQuery(messageOpensQuery(id, serverId));
  const clicks = useQuery(messageClicksQuery(id, serverId));
  const part = (kind: "opens" | "clicks", q: UseQueryResult<unknown>, rows: EngagementRow[] | undefined) => {
    if (q.isPending) return <Skeleton className="h-16 w-full" />;
    if (q.isError)
      return <ErrorState title={`Could not load ${kind}`} error={q.error} onRetry={() => void q.refetch()} />;
    if (!rows?.length) return <p className="text-sm text-muted-foreground">No {kind} recorded.</p>;
    return (
      <div className="rounded-md border">
        <EngagementTable kind={kind} rows={rows} />
      </div>
    );
  };
  return (
    <div className="flex flex-col gap-4">
      <Section title={`Opens${opens.data ? ` (${opens.data.TotalCount})` : ""}`}>
        {part("opens", opens, opens.data?.Opens)}
      </Section>
      <Section title={`Clicks${clicks.data ? ` (${clicks.data.TotalCount})` : ""}`}>
        {part("clicks", clicks, clicks.data?.Clicks)}
      </Section>
    </div>
  );
}

function Dump({ id, serverId }: { id: string; serverId: number | null }) {
  const q = useQuery(outboundDumpQuery(id, serverId));
  if (q.isPending) return <Skeleton className="h-40 w-full" />;
  if (q.isError)
    return <ErrorState title="Could not load the SMTP dump" error={q.error} onRetry={() => void q.refetch()} />;
  return q.data.Body ? (
    <RawText text={q.data.Body} label="SMTP dump" />
  ) : (
    <p className="text-sm text-muted-foreground">No dump is available for this message.</p>
  );
}

function Outbound({ message, serverId }: { message: OutboundDetails; serverId: number | null }) {
  const id = message.MessageID ?? "";
  return (
    <Tabs defaultValue="overview">
      <TabsList className="w-full sm:w-fit">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="content">Content</TabsTrigger>
        <TabsTrigger value="engagement">Opens & clicks</TabsTrigger>
        <TabsTrigger value="dump">SMTP dump</TabsTrigger>
      </TabsList>
      <TabsContent value="overview" className="flex flex-col gap-5">
        <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
          <DetailField label="Status">
            <Badge variant="secondary">{message.Status}</Badge>
          </DetailField>
          <DetailField label="Sent">
            <PostmarkTime iso={message.ReceivedAt} />
          </DetailField>
          <DetailField label="From">{message.From}</DetailField>
          <DetailField label="To">{addressList(message.To)}</DetailField>
          <DetailField label="Cc">{addressList(message.Cc)}</DetailField>
          <DetailField label="Bcc">{addressList(message.Bcc)}</DetailField>
          <DetailField label="Subject">{message.Subject}</DetailField>
          <DetailField label="Tag">{message.Tag}</DetailField>
          <DetailField label="Stream">{message.MessageStream}</DetailField>
          <DetailField label="Tracking">{`Opens ${message.TrackOpens ? "on" : "off"} · links ${message.TrackLinks ?? "None"}`}</DetailField>
          <DetailField label="Metadata">
            {Object.entries(message.Metadata ?? {})
              .filter(([, v]) => v != null)
              .map(([k, v]) => `${k}: ${String(v)}`)
              .join(" · ")}
          </DetailField>
          <DetailField label="Message ID" mono>
            {id}
          </DetailField>
        </dl>
        <Section title="Events">
          <Timeline message={message} />
        </Section>
      </TabsContent>
      <TabsContent value="content">
        <Bodies html={message.HtmlBody} text={message.TextBody} />
      </TabsContent>
      <TabsContent value="engagement">
        <Engagement id={id} serverId={serverId} />
      </TabsContent>
      <TabsContent value="dump">
        <Dump id={id} serverId={serverId} />
      </TabsContent>
    </Tabs>
  );
}

function Inbound({ message, serverId }: { message: InboundDetails; serverId: number | null }) {
  const id = message.MessageID ?? "";
  return (
    <Tabs defaultValue="overview">
      <TabsList className="w-full sm:w-fit">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="content">Content</TabsTrigger>
        <TabsTrigger value="headers">Headers</TabsTrigger>
      </TabsList>
      <TabsContent value="overview" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={message.Status === "Blocked" || message.Status === "Failed" ? "destructive" : "secondary"}>
            {message.Status}
          </Badge>
          <ActivityInboundAction
            id={id}
            status={message.Status}
            from={message.From}
            subject={message.Subject}
            serverId={serverId}
          />
        </div>
        <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
          <DetailField label="Blocked because">{message.BlockedReason}</DetailField>
          <DetailField label="Date">{message.Date}</DetailField>
          <DetailField label="From">
            {message.FromName ? `${message.FromName} <${message.From}>` : message.From}
          </DetailField>
          <DetailField label="To">{message.To}</DetailField>
          <DetailField label="Cc">{message.Cc}</DetailField>
          <DetailField label="Reply-To">{message.ReplyTo}</DetailField>
          <DetailField label="Subject">{message.Subject}</DetailField>
          <DetailField label="Mailbox hash">{message.MailboxHash}</DetailField>
          <DetailField label="Tag">{message.Tag}</DetailField>
          <DetailField label="Attachments">
            {message.Attachments.map((a) => `${a.Name} (${a.ContentType}, ${a.ContentLength} bytes)`).join(", ")}
          </DetailField>
          <DetailField label="Message ID" mono>
            {id}
          </DetailField>
        </dl>
      </TabsContent>
      <TabsContent value="content">
        <Bodies html={message.HtmlBody} text={message.TextBody} />
      </TabsContent>
      <TabsContent value="headers">
        <RawText
          text={message.Headers.map((h) => `${h.Name}: ${h.Value}`).join("\n") || "(no headers)"}
          label="Headers"
        />
      </TabsContent>
    </Tabs>
  );
}

export function ActivityMessageDetail({
  id,
  kind,
  serverId,
  onClose,
}: {
  id: string | undefined;
  kind: "outbound" | "inbound";
  serverId: number | null;
  onClose: () => void;
}) {
  const out = useQuery({
    ...outboundDetailsQuery(id ?? "", serverId),
    enabled: id !== undefined && kind === "outbound",
  });
  const inb = useQuery({ ...inboundDetailsQuery(id ?? "", serverId), enabled: id !== undefined && kind === "inbound" });
  const q = kind === "outbound" ? out : inb;
  const subject = q.data?.Subject;
  return (
    <SidePanel
      open={id !== undefined}
      onClose={onClose}
      wide
      title={subject || (kind === "outbound" ? "Outbound message" : "Inbound message")}
      description={<span className="font-mono">{id}</span>}
      testId="message-detail"
    >
      {q.isError ? (
        <ErrorState title="Could not load this message" error={q.error} onRetry={() => void q.refetch()} />
      ) : kind === "outbound" && out.data ? (
        <Outbound message={out.data} serverId={serverId} />
      ) : kind === "inbound" && inb.data ? (
        <Inbound message={inb.data} serverId={serverId} />
      ) : (
        <Loading />
      )}
    </SidePanel>
  );
}
