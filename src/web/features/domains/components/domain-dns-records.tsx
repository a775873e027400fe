import { CopyButton } from "@/web/components/copy-button";
import { Badge } from "@/web/components/ui/badge";
import type { DnsRecord, RecordState } from "../domains-shape";

const stateBadge: Record<RecordState, { label: string; variant: "success" | "warning" | "outline" | "secondary" }> = {
  verified: { label: "Verified", variant: "success" },
  pending: { label: "Pending", variant: "warning" },
  unverified: { label: "Not verified", variant: "warning" },
  revoked: { label: "Old key", variant: "secondary" },
};

/** The records to publish, each host and value copyable on its own. */
export function DomainDnsRecords({ records }: { records: DnsRecord[] }) {
  if (records.length === 0)
    return <p className="text-sm text-muted-foreground">Postmark returned no DNS records for this domain.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {records.map((r) => (
        <li
          key={r.id}
          className="rounded-lg border bg-card p-3"
          data-testid={`dns-record-${r.id}`}
          data-state={r.state}
        >
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <span className="font-medium">{r.title}</span>
            <Badge variant="outline" className="font-mono">
              {r.type}
            </Badge>
            <Badge variant={stateBadge[r.state].variant}>{stateBadge[r.state].label}</Badge>
          </div>
          <dl className="grid grid-cols-1 gap-2 text-sm">
            <RecordValue label="Host" value={r.host} copyLabel={`${r.title} host`} />
            <RecordValue
              label={r.type === "CNAME" ? "Points to" : "Value"}
              value={r.value}
              copyLabel={`${r.title} value`}
            />
          </dl>
          {r.note && <p className="mt-2 text-xs text-muted-foreground">{r.note}</p>}
        </li>
      ))}
    </ul>
  );
}

function RecordValue({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="flex items-start gap-1">
        <code className="min-w-0 flex-1 rounded bg-muted px-2 py-1.5 font-mono text-xs break-all">{value}</code>
        <CopyButton value={value} label={copyLabel} className="shrink-0" />
      </dd>
    </div>
  );
}
