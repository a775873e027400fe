import { reactivationVerdicts, type JobItem } from "@/contract/api/jobs";
import { AddressLink } from "@/web/components/address-link";
import { Badge } from "@/web/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/web/components/ui/table";

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

/** Per-item results of a job: the dry run's verdicts or the run's outcome per address. */
export function JobItemsTable({ items, plan = false }: { items: JobItem[]; plan?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <Table className="table-fixed">
        <TableHeader>
          <TableRow>
            <TableHead className="w-[45%] sm:w-[35%]">Address</TableHead>
            <TableHead className="w-[25%] sm:w-[20%]">{plan ? "Verdict" : "Result"}</TableHead>
            <TableHead>Why</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((it) => {
            const email = typeof it.detail?.email === "string" ? it.detail.email : it.key.includes("@") ? it.key : null;
            return (
              <TableRow key={it.seq} data-testid="job-item" data-status={it.status} data-verdict={it.verdict ?? ""}>
                <TableCell className="align-top break-all whitespace-normal">
                  {email ? <AddressLink email={email} /> : it.key}
                  {typeof it.detail?.stream === "string" && (
                    <span className="ml-1 text-xs text-muted-foreground">({it.detail.stream})</span>
                  )}
                </TableCell>
                <TableCell className="align-top whitespace-normal">
                  {plan ? (
                    <Badge variant={verdictVariant(it.verdict)}>
                      {reactivationVerdicts[it.verdict as keyof typeof reactivationVerdicts] ?? it.verdict}
                    </Badge>
                  ) : (
                    <Badge
                      variant={
                        it.status === "succeeded" ? "success" : it.status === "failed" ? "destructive" : "secondary"
                      }
                    >
                      {it.status === "pending"
                        ? "Waiting"
                        : it.status === "succeeded"
                          ? "Done"
                          : it.status === "failed"
                            ? "Failed"
                            : "Skipped"}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className="align-top text-sm break-words whitespace-normal text-muted-foreground">
                  {outcome(it)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
