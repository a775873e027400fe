import { CircleCheck, Download, TriangleAlert } from "lucide-react";
import { Button } from "@/web/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/web/components/ui/table";
import { downloadText } from "@/web/lib/download";
import { resultsCsv, type RowResult } from "../batch-shape";

/** Postmark's answer for every message sent: its MessageID, or its ErrorCode and Message. */
export function SendBatchResults({ results }: { results: readonly RowResult[] }) {
  const failed = results.filter((r) => r.errorCode !== 0).length;
  return (
    <section className="flex min-w-0 flex-col gap-3" aria-label="Batch results" data-testid="batch-results">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-2 text-sm font-medium" data-testid="batch-summary">
          {failed === 0 ? (
            <CircleCheck className="size-4 text-emerald-600" aria-hidden />
          ) : (
            <TriangleAlert className="size-4 text-destructive" aria-hidden />
          )}
          {results.length - failed} accepted, {failed} refused
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
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Row</TableHead>
            <TableHead>To</TableHead>
            <TableHead>Result</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {results.map((r) => (
            <TableRow key={r.row} data-testid="batch-result-row" data-ok={r.errorCode === 0}>
              <TableCell className="tabular-nums">{r.row}</TableCell>
              <TableCell className="max-w-[12rem] truncate">{r.to}</TableCell>
              <TableCell className="min-w-0 text-xs break-all whitespace-normal">
                {r.errorCode === 0 ? (
                  <span className="font-mono">{r.messageId}</span>
                ) : (
                  <span className="text-destructive">
                    <span className="font-semibold">ErrorCode {r.errorCode}</span>: {r.message}
                  </span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
