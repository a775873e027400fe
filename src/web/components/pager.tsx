import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/web/components/ui/button";
import { lastReachablePage, rangeLabel } from "@/web/lib/paging";

/**
 * Previous/next for a Postmark list; the page lives in the URL, so the caller navigates. A page
 * named beyond the last goes back to the last one.
 */
export function Pager({
  page,
  size,
  total,
  shown,
  offset,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  shown: number;
  offset: number;
  onPage: (page: number) => void;
}) {
  const last = lastReachablePage(total, size);
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm text-muted-foreground"
      data-testid="pager"
    >
      <span className="tabular-nums">{rangeLabel(offset, shown, total)}</span>
      <div className="flex items-center gap-1">
        <Button
          variant="outline"
          size="sm"
          disabled={page <= 1}
          onClick={() => onPage(Math.min(page - 1, last))}
          aria-label="Previous page"
        >
          <ChevronLeft aria-hidden />
        </Button>
        <span className="px-2 tabular-nums">
          Page {page} of {last}
        </span>
        <Button
          variant="outline"
          size="sm"
          disabled={page >= last}
          onClick={() => onPage(page + 1)}
          aria-label="Next page"
        >
          <ChevronRight aria-hidden />
        </Button>
      </div>
      {total > 10_000 && (
        <p className="w-full text-xs">
          Postmark pages through the first 10,000 only; narrow the filters to reach the rest.
        </p>
      )}
    </div>
  );
}
