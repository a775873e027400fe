import type { DataTableColumn, DataTableSelection } from "@/web/components/data-table";
import { Badge } from "@/web/components/ui/badge";
import { PostmarkTime } from "@/web/components/postmark-time";
import type { BounceListItem } from "../bounces-api";

/** The bounce list's columns; the address opens the bounce's detail. */
export function bounceColumns(onOpen: (id: number) => void): DataTableColumn<BounceListItem>[] {
  return [
    {
      id: "address",
      header: "Address",
      width: "w-[45%] sm:w-[34%]",
      className: "align-top",
      cell: (b) => (
        <>
          <button
            type="button"
            className="max-w-full text-left font-medium break-all text-primary hover:underline"
            onClick={() => onOpen(b.ID)}
          >
            {b.Email ?? "(no address)"}
          </button>
          <div className="mt-0.5 flex flex-wrap gap-1">
            {b.Inactive && <Badge variant="destructive">Inactive</Badge>}
            {b.MessageStream && (
              <Badge variant="outline" className="max-w-full truncate">
                {b.MessageStream}
              </Badge>
            )}
          </div>
        </>
      ),
    },
    {
      id: "type",
      header: "Type",
      width: "w-[30%] sm:w-[20%]",
      className: "align-top break-words whitespace-normal",
      cell: (b) => b.Name ?? b.Type,
    },
    {
      id: "subject",
      header: "Subject",
      hideBelow: "md",
      className: "align-top break-words whitespace-normal",
      cell: (b) => b.Subject ?? "—",
    },
    {
      id: "bounced",
      header: "Bounced",
      width: "w-[25%] sm:w-[18%]",
      className: "align-top text-xs whitespace-normal text-muted-foreground",
      cell: (b) => <PostmarkTime iso={b.BouncedAt} />,
    },
  ];
}

/** Bounces are picked per page for the bulk bar; the selection survives paging. */
export function bounceSelection(
  selected: ReadonlySet<number>,
  onChange: (ids: number[], on: boolean) => void,
): DataTableSelection<BounceListItem, number> {
  return {
    selected,
    onChange,
    allLabel: "Select all on this page",
    rowLabel: (b) => `Select ${b.Email ?? `bounce ${b.ID}`}`,
  };
}
