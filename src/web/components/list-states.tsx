import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/web/components/empty-state";
import { ErrorState } from "@/web/components/error-state";
import { Pager } from "@/web/components/pager";
import { Skeleton } from "@/web/components/ui/skeleton";
import { cn } from "@/web/lib/utils";

/** `data-*` attributes a list puts on each row or item, for tests and styling. */
export type DataAttributes = Partial<Record<`data-${string}`, string | number | boolean>>;

/** Postmark's count/offset paging; `offset` comes from `pageWindow` so it stays within 10,000. */
export interface ListPaging {
  page: number;
  size: number;
  total: number;
  offset: number;
  onPage: (page: number) => void;
  /** What the items are, for "There are 1,234 bounces in all" past the last page. */
  noun?: string;
}

export interface ListEmpty {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
}

/** The states every list goes through, shared by DataTable (rows) and DataList (cards). */
export interface ListStateProps {
  loading?: boolean;
  loadingLabel?: string;
  skeletonRows?: number;
  /** Classes of each placeholder bar, mostly its height (the height of one item). */
  skeletonClassName?: string;
  /** Set when the items could not be loaded; shown with a retry. */
  error?: unknown;
  errorTitle?: string;
  onRetry?: () => void;
  empty?: ListEmpty;
  paging?: ListPaging;
  /** Shown above the items once they are loaded (counts, bulk bars), even when there are none. */
  toolbar?: ReactNode;
  /** Pad the loading, error and empty states (for a list inside a card). */
  inset?: boolean;
}

/** A list's loading, error and retry, read from its query (React Query's result, plain or infinite). */
export function queryState(q: {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}): Pick<ListStateProps, "loading" | "error" | "onRetry"> {
  return { loading: q.isPending, error: q.error, onRetry: () => void q.refetch() };
}

/**
 * Loading placeholder, error with retry, empty or past-the-end message, or the items with a pager under them.
 * `children` draws the items; it is called only when there is at least one.
 */
export function ListStates<T>({
  items,
  loading,
  loadingLabel = "Loading",
  skeletonRows = 6,
  skeletonClassName = "h-10",
  error,
  errorTitle = "Could not load the list",
  onRetry,
  empty,
  paging,
  toolbar,
  inset,
  children,
}: ListStateProps & {
  /** Undefined while loading or after an error. */
  items: readonly T[] | undefined;
  children: (items: readonly T[]) => ReactNode;
}) {
  const pad = inset ? "p-3" : undefined;
  if (loading)
    return (
      <div className={cn("flex flex-col gap-2", pad)} aria-busy="true" aria-label={loadingLabel}>
        {Array.from({ length: skeletonRows }, (_, i) => (
          <Skeleton key={i} className={cn("w-full", skeletonClassName)} />
        ))}
      </div>
    );
  if (error !== undefined && error !== null)
    return (
      <div className={pad}>
        <ErrorState title={errorTitle} error={error} onRetry={onRetry} />
      </div>
    );
  const list = items ?? [];
  const pastEnd = paging && list.length === 0 && paging.page > 1 && paging.total > 0;
  return (
    <>
      {toolbar}
      {list.length > 0 ? (
        <>
          {children(list)}
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
