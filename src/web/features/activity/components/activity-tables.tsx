import { DataTable, type DataTableColumn } from "@/web/components/data-table";
import { Badge } from "@/web/components/ui/badge";
import { AddressLink } from "@/web/components/address-link";
import { PostmarkTime } from "@/web/components/postmark-time";
import type { InboundMessage, OutboundMessage } from "../activity-api";
import { clientLabel, placeLabel } from "../activity-shape";
import { ActivityInboundAction } from "./activity-inbound-action";

const statusVariant = (s: string | null) =>
  s === "Blocked" || s === "Failed" ? "destructive" : s === "Queued" || s === "Scheduled" ? "warning" : "secondary";
const phoneLine = "text-xs break-all text-muted-foreground";
const timeCell = "align-top text-xs whitespace-normal text-muted-foreground";

function OpenLink({ id, label, onOpen }: { id: string | null; label: string; onOpen: (id: string) => void }) {
  if (!id) return <span className="break-words">{label}</span>;
  return (
    <button
      type="button"
      className="max-w-full text-left font-medium break-words text-primary hover:underline"
      onClick={() => onOpen(id)}
    >
      {label}
    </button>
  );
}

export function outboundColumns(onOpen: (id: string) => void): DataTableColumn<OutboundMessage>[] {
  return [
    {
      id: "subject",
      header: "Subject",
      className: "align-top whitespace-normal",
      cell: (m) => (
        <>
          <OpenLink id={m.MessageID} label={m.Subject || "(no subject)"} onOpen={onOpen} />
          <div className="mt-0.5 flex flex-wrap gap-1 text-xs text-muted-foreground">
            {m.Tag && <Badge variant="outline">{m.Tag}</Badge>}
            {m.MessageStream && <Badge variant="outline">{m.MessageStream}</Badge>}
            <span className="md:hidden">
              <PostmarkTime iso={m.ReceivedAt} />
            </span>
          </div>
        </>
      ),
    },
    {
      id: "recipients",
      header: "Recipients",
      width: "w-[26%]",
      hideBelow: "sm",
      className: "align-top break-all whitespace-normal",
      cell: (m) =>
        m.Recipients.map((r, i) => (
          <span key={`${r}-${i}`}>
            {i > 0 && ", "}
            {r ? <AddressLink email={r} /> : null}
          </span>
        )),
      phone: (m) => m.Recipients.join(", "),
      phoneClassName: phoneLine,
    },
    {
      id: "status",
      header: "Status",
      width: "w-[24%] sm:w-[12%]",
      className: "align-top",
      cell: (m) => <Badge variant={statusVariant(m.Status)}>{m.Status}</Badge>,
    },
    {
      id: "sent",
      header: "Sent",
      width: "w-[18%]",
      hideBelow: "md",
      className: timeCell,
      cell: (m) => <PostmarkTime iso={m.ReceivedAt} />,
    },
  ];
}

export function inboundColumns(
  onOpen: (id: string) => void,
  serverId: number | null,
): DataTableColumn<InboundMessage>[] {
  return [
    {
      id: "subject",
      header: "Subject",
      className: "align-top whitespace-normal",
      cell: (m) => (
        <>
          <OpenLink id={m.MessageID} label={m.Subject || "(no subject)"} onOpen={onOpen} />
          <div className={phoneLine}>{m.To}</div>
        </>
      ),
    },
    {
      id: "from",
      header: "From",
      width: "w-[24%]",
      hideBelow: "sm",
      className: "align-top break-all whitespace-normal",
      cell: (m) => (m.From ? <AddressLink email={m.From} /> : null),
      phone: (m) => `from ${m.From}`,
      phoneClassName: phoneLine,
    },
    {
      id: "status",
      header: "Status",
      width: "w-[30%] sm:w-[22%]",
      className: "align-top whitespace-normal",
      cell: (m) => (
        <div className="flex flex-col items-start gap-1.5">
          <Badge variant={statusVariant(m.Status)}>{m.Status}</Badge>
          {m.MessageID && (
            <ActivityInboundAction
              id={m.MessageID}
              status={m.Status}
              from={m.From}
              subject={m.Subject}
              serverId={serverId}
            />
          )}
        </div>
      ),
    },
    {
      id: "received",
      header: "Received",
      width: "w-[18%]",
      hideBelow: "md",
      className: timeCell,
      cell: (m) => <PostmarkTime iso={m.Date} />,
    },
  ];
}

/** What opens and clicks (searched or per message) have in common. */
export interface EngagementRow {
  MessageID: string | null;
  Recipient: string | null;
  ReceivedAt: string | null;
  Tag: string | null;
  Platform: string | null;
  Client: { Name: string | null };
  OS: { Name: string | null };
  Geo: { City?: string | null; Region?: string | null; Country?: string | null };
  OriginalLink?: string | null;
}

/** Opens or clicks: who, with what, where and when; the message opens its detail. */
export function engagementColumns(
  kind: "opens" | "clicks",
  onOpen?: (id: string) => void,
): DataTableColumn<EngagementRow>[] {
  const what = (r: EngagementRow) => (kind === "clicks" ? (r.OriginalLink ?? null) : clientLabel(r));
  return [
    {
      id: "recipient",
      header: "Recipient",
      className: "align-top break-all whitespace-normal",
      cell: (r) => (
        <>
          {onOpen ? <OpenLink id={r.MessageID} label={r.Recipient ?? "(unknown)"} onOpen={onOpen} /> : r.Recipient}
          {r.Tag && (
            <Badge variant="outline" className="mt-0.5">
              {r.Tag}
            </Badge>
          )}
        </>
      ),
    },
    {
      id: "what",
      header: kind === "clicks" ? "Link" : "Client",
      width: "w-[28%]",
      hideBelow: "sm",
      className: "align-top text-xs break-all whitespace-normal",
      cell: what,
      phone: what,
      phoneClassName: "text-xs text-muted-foreground",
    },
    {
      id: "place",
      header: "Place",
      width: "w-[18%]",
      hideBelow: "lg",
      className: "align-top text-xs whitespace-normal",
      cell: (r) => placeLabel(r.Geo),
    },
    {
      id: "when",
      header: "When",
      width: "w-[32%] sm:w-[18%]",
      className: timeCell,
      cell: (r) => <PostmarkTime iso={r.ReceivedAt} />,
    },
  ];
}

export const engagementKey = (r: EngagementRow, i: number) => `${r.MessageID}-${r.ReceivedAt}-${i}`;

/** A message's own opens or clicks, already loaded. */
export function EngagementTable({ kind, rows }: { kind: "opens" | "clicks"; rows: EngagementRow[] }) {
  return (
    <DataTable
      fixed
      columns={engagementColumns(kind)}
      rows={rows}
      rowKey={engagementKey}
      rowAttributes={() => ({ "data-testid": `${kind}-row` })}
    />
  );
}
