import { CircleCheck, Download, TriangleAlert } from "lucide-react";
import { Button } from "@/web/components/ui/button";
import { DataTable, type DataTableColumn } from "@/web/components/data-table";
import { downloadText } from "@/web/lib/download";
import { resultsCsv, type RowResult } from "../batch-shape";

const columns: DataTableColumn<RowResult>[] = [
  { id: "row", header: "Row", className: "tabular-nums", cell: (r) => r.row },
  {
    id: "to",
    header: "To",
    className: "max-w-[12rem] truncate",
    cell: (r) => <span title={r.to}>{r.to}</span>,
  },
  {
    id: "result",
    header: "Result",
    className: "min-w-0 text-xs [overflow-wrap:anywhere] whitespace-normal",
    cell: (r) =>
      r.outcome === "accepted" ? (
        <span className="font-mono break-all">{r.messageId}</span>
      ) : r.outcome === "left out" ? (
        <span className="text-destructive">
          <span className="font-semibold">Not sent</span>: {r.message}
        </span>
      ) : (
        <span className="text-destructive">
          <span className="font-semibold">ErrorCode {r.errorCode}</span>: {r.message}
        </span>
      ),
  },
];

/** Every row of the file: Postmark's MessageID, its ErrorCode and Message, or why the row was left out. */
export function SendBatchResults({ results }: { results: readonly RowResult[] }) {
  const count = (o: RowResult["outcome"]) => results.filter((r) => r.outcome === o).length;
  const accepted = count("accepted");
  const refused = count("refused");
  const leftOut = count("left out");
  const failed = refused + leftOut;
  return (
    <section className="flex min-w-0 flex-col gap-3" aria-label="Batch results" data-testid="batch-results">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-2 text-sm font-medium" data-testid="batch-summary">
          {failed === 0 ? (
            <CircleCheck className="size-4 text-emerald-600" aria-hidden />
          ) : (
            <TriangleAlert className="size-4 text-destructive" aria-hidden />
          )}
          {accepted} accepted, {refused} refused{leftOut > 0 ? `, ${leftOut} left out` : ""}
        </p>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => downloadText("batch-results.csv", resultsCsv(results), "text/csv")}
        >
          <Download aria-hidden />
          Download results (CSV)
        </Button>
      </div>
      <DataTable
        columns={columns}
        rows={results}
        rowKey={(r) => r.row}
        rowAttributes={(r) => ({ "data-testid": "batch-result-row", "data-outcome": r.outcome })}
      />
    </section>
  );
}
