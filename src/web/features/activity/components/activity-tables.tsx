import { Badge } from "@/web/components/ui/badge";
import { AddressLink } from "@/web/components/address-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/web/components/ui/table";
import { PostmarkTime } from "@/web/components/postmark-time";
import type { InboundMessage, OutboundMessage } from "../activity-api";
import { clientLabel, placeLabel } from "../activity-shape";
import { ActivityInboundAction } from "./activity-inbound-action";

const statusVariant = (s: string | null) =>
  s === "Blocked" || s === "Failed" ? "destructive" : s === "Queued" || s === "Scheduled" ? "warning" : "secondary";

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

export function OutboundTable({ rows, onOpen }: { rows: OutboundMessage[]; onOpen: (id: string) => void }) {
  return (
    <Table className="table-fixed">
      <TableHeader>
        <TableRow>
          <TableHead>Subject</TableHead>
          <TableHead className="hidden w-[26%] sm:table-cell">Recipients</TableHead>
          <TableHead className="w-[24%] sm:w-[12%]">Status</TableHead>
          <TableHead className="hidden w-[18%] md:table-cell">Sent</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((m) => (
          <TableRow key={m.MessageID} data-testid="outbound-row">
            <TableCell className="align-top whitespace-normal">
              <OpenLink id={m.MessageID} label={m.Subject || "(no subject)"} onOpen={onOpen} />
              <div className="text-xs break-all text-muted-foreground sm:hidden">{m.Recipients.join(", ")}</div>
              <div className="mt-0.5 flex flex-wrap gap-1 text-xs text-muted-foreground">
                {m.Tag && <Badge variant="outline">{m.Tag}</Badge>}
                {m.MessageStream && <Badge variant="outline">{m.MessageStream}</Badge>}
                <span className="md:hidden">
                  <PostmarkTime iso={m.ReceivedAt} />
                </span>
              </div>
            </TableCell>
            <TableCell className="hidden align-top break-all whitespace-normal sm:table-cell">
              {m.Recipients.map((r, i) => (
                <span key={`${r}-${i}`}>
                  {i > 0 && ", "}
                  {r ? <AddressLink email={r} /> : null}
                </span>
              ))}
            </TableCell>
            <TableCell className="align-top">
              <Badge variant={statusVariant(m.Status)}>{m.Status}</Badge>
            </TableCell>
            <TableCell className="hidden align-top text-xs whitespace-normal text-muted-foreground md:table-cell">
              <PostmarkTime iso={m.ReceivedAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function InboundTable({
  rows,
  onOpen,
  serverId,
}: {
  rows: InboundMessage[];
  onOpen: (id: string) => void;
  serverId: number | null;
}) {
  return (
    <Table className="table-fixed">
      <TableHeader>
        <TableRow>
          <TableHead>Subject</TableHead>
          <TableHead className="hidden w-[24%] sm:table-cell">From</TableHead>
          <TableHead className="w-[30%] sm:w-[22%]">Status</TableHead>
          <TableHead className="hidden w-[18%] md:table-cell">Received</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((m) => (
          <TableRow key={m.MessageID} data-testid="inbound-row" data-status={m.Status}>
            <TableCell className="align-top whitespace-normal">
              <OpenLink id={m.MessageID} label={m.Subject || "(no subject)"} onOpen={onOpen} />
              <div className="text-xs break-all text-muted-foreground">{m.To}</div>
              <div className="text-xs break-all text-muted-foreground sm:hidden">from {m.From}</div>
            </TableCell>
            <TableCell className="hidden align-top break-all whitespace-normal sm:table-cell">
              {m.From ? <AddressLink email={m.From} /> : null}
            </TableCell>
            <TableCell className="align-top whitespace-normal">
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
            </TableCell>
            <TableCell className="hidden align-top text-xs whitespace-normal text-muted-foreground md:table-cell">
              <PostmarkTime iso={m.Date} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
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
export function EngagementTable({
  kind,
  rows,
  onOpen,
}: {
  kind: "opens" | "clicks";
  rows: EngagementRow[];
  onOpen?: (id: string) => void;
}) {
  return (
    <Table className="table-fixed">
      <TableHeader>
        <TableRow>
          <TableHead>Recipient</TableHead>
          <TableHead className="hidden w-[28%] sm:table-cell">{kind === "clicks" ? "Link" : "Client"}</TableHead>
          <TableHead className="hidden w-[18%] lg:table-cell">Place</TableHead>
          <TableHead className="w-[32%] sm:w-[18%]">When</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r, i) => {
          const link = kind === "clicks" ? (r.OriginalLink ?? null) : null;
          return (
            <TableRow key={`${r.MessageID}-${r.ReceivedAt}-${i}`} data-testid={`${kind}-row`}>
              <TableCell className="align-top break-all whitespace-normal">
                {onOpen ? (
                  <OpenLink id={r.MessageID} label={r.Recipient ?? "(unknown)"} onOpen={onOpen} />
                ) : (
                  r.Recipient
                )}
                <div className="text-xs text-muted-foreground sm:hidden">
                  {kind === "clicks" ? link : clientLabel(r)}
                </div>
                {r.Tag && (
                  <Badge variant="outline" className="mt-0.5">
                    {r.Tag}
                  </Badge>
                )}
              </TableCell>
              <TableCell className="hidden align-top text-xs break-all whitespace-normal sm:table-cell">
                {kind === "clicks" ? link : clientLabel(r)}
              </TableCell>
              <TableCell className="hidden align-top text-xs whitespace-normal lg:table-cell">
                {placeLabel(r.Geo)}
              </TableCell>
              <TableCell className="align-top text-xs whitespace-normal text-muted-foreground">
                <PostmarkTime iso={r.ReceivedAt} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
