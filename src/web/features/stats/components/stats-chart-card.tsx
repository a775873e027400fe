import { ChartColumn, Download, GitCompareArrows, Table2 } from "lucide-react";
import { useId, useRef, useState, type ReactNode } from "react";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/web/components/ui/dropdown-menu";
import { Skeleton } from "@/web/components/ui/skeleton";
import { downloadBlob, downloadText } from "@/web/lib/download";
import { notify } from "@/web/lib/toast";
import { cn } from "@/web/lib/utils";
import { displayCell, tableCsv, type TableView } from "../stats-shaping";
import { useChartDraw } from "./chart-draw";
import { chartPng } from "./chart-png";

export interface CompareToggle {
  on: boolean;
  onToggle: () => void;
}

/**
 * A titled chart with a screen-reader summary, a table view of the same numbers, CSV and PNG
 * exports, and (time series) a toggle that compares with the previous period.
 */
export function StatsChartCard({
  id,
  title,
  description,
  summary,
  table,
  state,
  stale,
  error,
  onRetry,
  compare,
  fileName,
  periodText,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  summary: string;
  table: TableView;
  state: "pending" | "error" | "empty" | "ready";
  /** Showing the previous filter's data while the new one loads. */
  stale?: boolean;
  error?: unknown;
  onRetry?: () => void;
  compare?: CompareToggle;
  fileName: (ext: "csv" | "png") => string;
  /** Under the title in the PNG: what period and filters it shows. */
  periodText: string;
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const summaryId = useId();
  const cardRef = useRef<HTMLElement>(null);
  const { drawn, inView } = useChartDraw(cardRef, state === "ready" && !asTable);
  const exportPng = () => {
    if (!cardRef.current) return;
    chartPng(cardRef.current, title, periodText).then(
      (png) => downloadBlob(fileName("png"), png),
      (e: unknown) =>
        notify.error(`Could not export ${title.toLowerCase()} as an image`, {
          description: e instanceof Error ? e.message : String(e),
        }),
    );
  };
  return (
    <section
      ref={cardRef}
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      aria-busy={stale || undefined}
      className={cn("flex min-w-0 flex-col rounded-lg border bg-card p-3 transition-opacity", stale && "opacity-60")}
      data-testid={`chart-${id}`}
    >
      <div className="mb-2 flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-sm font-semibold">
            {title}
          </h2>
          {description && <p className="text-xs text-muted-foreground">{description}</p>}
        </div>
        <div className="flex shrink-0 items-center gap-0.5">
          {compare && (
            <Button
              variant={compare.on ? "secondary" : "ghost"}
              size="sm"
              aria-pressed={compare.on}
              onClick={compare.onToggle}
              aria-label={`Compare ${title} with the previous period`}
              title="Compare with the previous period"
              data-testid="compare-toggle"
            >
              <GitCompareArrows aria-hidden />
              <span className="hidden sm:inline">Compare</span>
            </Button>
          )}
          {state === "ready" && (
            <>
              <Button
                variant="ghost"
                size="sm"
                aria-pressed={asTable}
                onClick={() => setAsTable(!asTable)}
                aria-label={asTable ? `Show ${title} as a chart` : `Show ${title} as a table`}
              >
                {asTable ? <ChartColumn aria-hidden /> : <Table2 aria-hidden />}
                <span className="hidden sm:inline">{asTable ? "Chart" : "Table"}</span>
              </Button>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="sm" aria-label={`Export ${title}`} title="Export">
                    <Download aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem onSelect={() => downloadText(fileName("csv"), tableCsv(table), "text/csv")}>
                    Download CSV
                  </DropdownMenuItem>
                  <DropdownMenuItem disabled={asTable || !drawn} onSelect={exportPng}>
                    {asTable ? "PNG: show the chart first" : drawn ? "Download PNG" : "PNG: chart not drawn yet"}
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            </>
          )}
        </div>
      </div>
      <p id={summaryId} className="sr-only" data-testid="chart-summary">
        {summary}
      </p>
      {state === "pending" ? (
        <Skeleton className="h-56 w-full" aria-label={`Loading ${title}`} />
      ) : state === "ready" && !asTable && !drawn ? (
        inView ? (
          // On screen and about to be drawn: still loading, as far as anyone looking can tell.
          <Skeleton className="h-56 w-full" aria-label={`Drawing ${title}`} />
        ) : (
          // Its numbers are in (summary, table, CSV); only the drawing waits until it is scrolled near.
          <div
            className="flex h-56 flex-col items-center justify-center gap-1 rounded-md border border-dashed text-xs text-muted-foreground"
            data-testid="chart-not-drawn"
            aria-hidden
          >
            <ChartColumn className="size-5" />
            Chart drawn when scrolled into view
          </div>
        )
      ) : state === "error" ? (
        <ErrorState title={`Could not load ${title.toLowerCase()}`} error={error} onRetry={onRetry} />
      ) : state === "empty" ? (
        <div className="flex h-56 items-center justify-center rounded-md border border-dashed text-sm text-muted-foreground">
          Nothing recorded in this period.
        </div>
      ) : asTable ? (
        <div className="max-h-64 overflow-auto rounded-md border">
          <table className="w-full text-xs tabular-nums">
            <thead className="sticky top-0 bg-muted text-left">
              <tr>
                {table.columns.map((c, i) => (
                  <th
                    key={c}
                    scope="col"
                    className={i === 0 ? "px-2 py-1 font-medium" : "px-2 py-1 text-right font-medium"}
                  >
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, ri) => (
                <tr key={ri} className="border-t">
                  {r.map((cell, ci) =>
                    ci === 0 ? (
                      <th key={ci} scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                        {displayCell(cell, table.columns[ci])}
                      </th>
                    ) : (
                      <td key={ci} className="px-2 py-1 text-right whitespace-nowrap">
                        {displayCell(cell, table.columns[ci])}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="h-56 w-full min-w-0 overflow-hidden" aria-hidden>
          {children}
        </div>
      )}
    </section>
  );
}
