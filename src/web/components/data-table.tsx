import type { ReactNode } from "react";
import {
  ListStates,
  type DataAttributes,
  type ListEmpty,
  type ListPaging,
  type ListStateProps,
} from "@/web/components/list-states";
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

/** Kept under the table's names for its callers. */
export type DataTablePaging = ListPaging;
export type DataTableEmpty = ListEmpty;

export interface DataTableProps<T, K extends string | number> extends ListStateProps {
  columns: readonly DataTableColumn<T>[];
  /** Undefined while loading or after an error. */
  rows: readonly T[] | undefined;
  rowKey: (row: T, index: number) => K;
  rowAttributes?: (row: T) => DataAttributes;
  fixed?: boolean;
  selection?: DataTableSelection<T, K>;
  /** A bordered card around everything, with this test id; it pads the states unless `inset` says otherwise. */
  framed?: boolean;
  testId?: string;
}

/**
 * One list: typed columns, loading skeleton, error with retry, empty state, optional row selection
 * and Postmark paging. On phones, low-priority columns hide and may leave a line under the first one.
 */
export function DataTable<T, K extends string | number>({
  framed = false,
  testId,
  inset,
  ...props
}: DataTableProps<T, K>) {
  const body = <DataTableBody {...props} inset={inset ?? framed} />;
  if (!framed) return body;
  return (
    <div className="overflow-hidden rounded-lg border bg-card" data-testid={testId}>
      {body}
    </div>
  );
}

function DataTableBody<T, K extends string | number>({
  rows,
  columns,
  rowKey,
  rowAttributes,
  fixed,
  selection,
  ...states
}: DataTableProps<T, K>) {
  return (
    <ListStates items={rows} {...states}>
      {(list) => (
        <RowsTable
          rows={list}
          columns={columns}
          rowKey={rowKey}
          rowAttributes={rowAttributes}
          fixed={fixed}
          selection={selection}
        />
      )}
    </ListStates>
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
