import { reactivationVerdicts, type ItemStatus, type JobItem } from "@/contract/api/jobs";
import { AddressLink } from "@/web/components/address-link";
import { Badge } from "@/web/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/web/components/data-table";

const verdictVariant = (v: string | null) =>
  v === "reactivatable" ? "success" : v === "active" ? "secondary" : v === "unknown" ? "outline" : "warning";

function outcome(item: JobItem): string {
  const d = item.detail ?? {};
  if (typeof d.error === "string")
    return `${d.error}${typeof d.errorCode === "number" ? ` (ErrorCode ${d.errorCode})` : ""}`;
  if (typeof d.reason === "string") return d.reason;
  if (typeof d.message === "string") return d.message;
  return "";
}

const email = (it: JobItem) =>
  typeof it.detail?.email === "string" ? it.detail.email : it.key.includes("@") ? it.key : null;
const statusLabel: Record<ItemStatus, string> = {
  pending: "Waiting",
  succeeded: "Done",
  failed: "Failed",
  skipped: "Skipped",
};

function columns(plan: boolean): DataTableColumn<JobItem>[] {
  return [
    {
      id: "address",
      header: "Address",
      width: "w-[45%] sm:w-[35%]",
      className: "align-top break-all whitespace-normal",
      cell: (it) => {
        const address = email(it);
        return (
          <>
            {address ? <AddressLink email={address} /> : it.key}
            {typeof it.detail?.stream === "string" && (
              <span className="ml-1 text-xs text-muted-foreground">({it.detail.stream})</span>
            )}
          </>
        );
      },
    },
    {
      id: "result",
      header: plan ? "Verdict" : "Result",
      width: "w-[25%] sm:w-[20%]",
      className: "align-top whitespace-normal",
      cell: (it) =>
        plan ? (
          <Badge variant={verdictVariant(it.verdict)}>
            {reactivationVerdicts[it.verdict as keyof typeof reactivationVerdicts] ?? it.verdict}
          </Badge>
        ) : (
          <Badge variant={it.status === "succeeded" ? "success" : it.status === "failed" ? "destructive" : "secondary"}>
            {statusLabel[it.status]}
          </Badge>
        ),
    },
    {
      id: "why",
      header: "Why",
      className: "align-top text-sm break-words whitespace-normal text-muted-foreground",
      cell: outcome,
    },
  ];
}

/** Per-item results of a job: the dry run's verdicts or the run's outcome per address. */
export function JobItemsTable({ items, plan = false }: { items: JobItem[]; plan?: boolean }) {
  return (
    <DataTable
      framed
      fixed
      columns={columns(plan)}
      rows={items}
      rowKey={(it) => it.seq}
      rowAttributes={(it) => ({
        "data-testid": "job-item",
        "data-status": it.status,
        "data-verdict": it.verdict ?? "",
      })}
    />
  );
}
