import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { Pager } from "@/web/components/pager";
import { Skeleton } from "@/web/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/web/components/ui/table";
import { cn } from "@/web/lib/utils";
import { DataTableSelectBox, type DataTableSelection } from "./data-table-selection";

export type { DataTableSelection } from "./data-table-selection";

type Breakpoint = "sm" | "md" | "lg";
// Literal class names so Tailwind sees them: the column hides below the breakpoint, its phone line above it.
const hiddenBelow: Record<Breakpoint, string> = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
};
const shownBelow: Record<Breakpoint, string> = { sm: "sm:hidden", md: "md:hidden", lg: "lg:hidden" };

export interface DataTableColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Classes of the header cell, mostly its width (the table is `table-fixed` when `fixed`). */
  width?: string;
  /** Classes of every body cell in the column. */
  className?: string;
  align?: "start" | "end";
  /** Priority on small screens: the column is hidden below this breakpoint. */
  hideBelow?: Breakpoint;
  /** What the hidden column still shows on small screens, as a line under the first column. */
  phone?: (row: T) => ReactNode;
  /** Classes of that phone line. */
  phoneClassName?: string;
}

/** Postmark's count/offset paging; `offset` comes from `pageWindow` so it stays within 10,000. */
export interface DataTablePaging {
  page: number;
  size: number;
  total: number;
  offset: number;
  onPage: (page: number) => void;
  /** What the rows are, for "There are 1,234 bounces in all" past the last page. */
  noun?: string;
}

export interface DataTableEmpty {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
}

type RowAttributes = Partial<Record<`data-${string}`, string | number | boolean>>;

export interface DataTableProps<T, K extends string | number> {
  columns: readonly DataTableColumn<T>[];
  /** Undefined while loading or after an error. */
  rows: readonly T[] | undefined;
  rowKey: (row: T, index: number) => K;
  rowAttributes?: (row: T) => RowAttributes;
  fixed?: boolean;
  loading?: boolean;
  loadingLabel?: string;
  skeletonRows?: number;
  /** Set when the rows could not be loaded; shown with a retry. */
  error?: unknown;
  errorTitle?: string;
  onRetry?: () => void;
  empty?: DataTableEmpty;
  selection?: DataTableSelection<T, K>;
  paging?: DataTablePaging;
  /** Shown above the rows once they are loaded (counts, bulk bars). */
  toolbar?: ReactNode;
  /** A bordered card around everything, with this test id. */
  framed?: boolean;
  testId?: string;
  /** Pad the loading, error and empty states (true when framed). */
  inset?: boolean;
}

/**
 * One list: typed columns, loading skeleton, error with retry, empty state, optional row selection
 * and Postmark paging. On phones, low-priority columns hide and may leave a line under the first one.
 */
export function DataTable<T, K extends string | number>(props: DataTableProps<T, K>) {
  const { framed = false, testId } = props;
  const body = <DataTableBody {...props} inset={props.inset ?? framed} />;
  if (!framed) return body;
  return (
    <div className="overflow-hidden rounded-lg border bg-card" data-testid={testId}>
      {body}
    </div>
  );
}

function DataTableBody<T, K extends string | number>({
  rows,
  loading,
  loadingLabel = "Loading",
  skeletonRows = 6,
  error,
  errorTitle = "Could not load the list",
  onRetry,
  empty,
  paging,
  toolbar,
  inset,
  ...table
}: DataTableProps<T, K>) {
  const pad = inset ? "p-3" : undefined;
  if (loading)
    return (
      <div className={cn("flex flex-col gap-2", pad)} aria-busy="true" aria-label={loadingLabel}>
        {Array.from({ length: skeletonRows }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  if (error !== undefined && error !== null)
    return (
      <div className={pad}>
        <ErrorState title={errorTitle} error={error} onRetry={onRetry} />
      </div>
    );
  const list = rows ?? [];
  const pastEnd = paging && list.length === 0 && paging.page > 1 && paging.total > 0;
  return (
    <>
      {toolbar}
      {list.length > 0 ? (
        <>
          <RowsTable rows={list} {...table} />
          {paging && (
            <Pager
              page={paging.page}
              size={paging.size}
              total={paging.total}
              shown={list.length}
              offset={paging.offset}
              onPage={paging.onPage}
            />
          )}
        </>
      ) : pastEnd && empty ? (
        <div className={pad}>
          <EmptyState icon={empty.icon} title={`Page ${paging.page} is past the end of the results`}>
            {`There are ${paging.total.toLocaleString()} ${paging.noun ? `${paging.noun} ` : ""}in all, ${Math.ceil(paging.total / paging.size).toLocaleString()} pages.`}
          </EmptyState>
        </div>
      ) : empty ? (
        <div className={pad}>
          <EmptyState icon={empty.icon} title={empty.title}>
            {empty.children}
          </EmptyState>
        </div>
      ) : null}
    </>
  );
}

function RowsTable<T, K extends string | number>({
  rows,
  columns,
  rowKey,
  rowAttributes,
  fixed,
  selection,
}: Pick<DataTableProps<T, K>, "columns" | "rowKey" | "rowAttributes" | "fixed" | "selection"> & {
  rows: readonly T[];
}) {
  const keyed = rows.map((row, i) => ({ row, key: rowKey(row, i) }));
  const phoneLines = columns.filter((c) => c.hideBelow && c.phone);
  return (
    <Table className={cn(fixed && "table-fixed")}>
      <TableHeader>
        <TableRow>
          {selection && (
            <TableHead className="w-10">
              <DataTableSelectBox.All selection={selection} rows={keyed} />
            </TableHead>
          )}
          {columns.map((c) => (
            <TableHead
              key={c.id}
              className={cn(c.width, c.align === "end" && "text-right", c.hideBelow && hiddenBelow[c.hideBelow])}
            >
              {c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {keyed.map(({ row, key }) => (
          <TableRow key={key} {...rowAttributes?.(row)}>
            {selection && (
              <TableCell className="align-top">
                <DataTableSelectBox.One selection={selection} row={row} rowKey={key} />
              </TableCell>
            )}
            {columns.map((c, i) => (
              <TableCell
                key={c.id}
                className={cn(c.className, c.align === "end" && "text-right", c.hideBelow && hiddenBelow[c.hideBelow])}
              >
                {c.cell(row)}
                {i === 0 &&
                  phoneLines.map((p) => (
                    <div key={p.id} className={cn(p.phoneClassName, p.hideBelow && shownBelow[p.hideBelow])}>
                      {p.phone?.(row)}
                    </div>
                  ))}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
