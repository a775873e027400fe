import type { DataTableColumn, DataTableSelection } from "@/web/components/data-table";
import { Badge } from "@/web/components/ui/badge";
import { AddressLink } from "@/web/components/address-link";
import { formatDateTime } from "@/web/lib/format";
import type { SuppressionRow } from "../suppressions-api";
import { isRemovable } from "../suppressions-shape";

export const suppressionColumns: DataTableColumn<SuppressionRow>[] = [
  {
    id: "address",
    header: "Address",
    className: "align-top break-all whitespace-normal",
    cell: (r) => <AddressLink email={r.EmailAddress ?? ""} />,
  },
  {
    id: "reason",
    header: "Reason",
    width: "w-[32%] sm:w-[22%]",
    className: "align-top whitespace-normal",
    cell: (r) => (
      <>
        <Badge
          variant={
            r.SuppressionReason === "SpamComplaint"
              ? "destructive"
              : r.SuppressionReason === "HardBounce"
                ? "warning"
                : "secondary"
          }
        >
          {r.SuppressionReason}
        </Badge>
        {!isRemovable(r) && <div className="mt-1 text-xs text-muted-foreground">Cannot be removed</div>}
      </>
    ),
  },
  {
    id: "origin",
    header: "Origin",
    width: "w-[14%]",
    hideBelow: "sm",
    className: "align-top",
    cell: (r) => r.Origin,
    // One phone line carries both the origin and the date, as the page did before.
    phone: (r) => `${r.Origin} · ${formatDateTime(r.CreatedAt)}`,
    phoneClassName: "text-xs text-muted-foreground",
  },
  {
    id: "suppressed",
    header: "Suppressed",
    width: "w-[22%]",
    hideBelow: "md",
    className: "align-top text-xs whitespace-normal text-muted-foreground",
    cell: (r) => formatDateTime(r.CreatedAt),
  },
];

/** Spam complaints cannot be removed, so their boxes are disabled and select all leaves them out. */
export function suppressionSelection(
  selected: ReadonlySet<string>,
  onChange: (emails: string[], on: boolean) => void,
): DataTableSelection<SuppressionRow, string> {
  return {
    selected,
    onChange,
    allLabel: "Select all removable",
    rowLabel: (r) => `Select ${r.EmailAddress ?? ""}`,
    blocked: (r) =>
      isRemovable(r)
        ? null
        : {
            label: `${r.EmailAddress ?? ""} cannot be removed (spam complaint)`,
            title: "Spam complaints cannot be removed",
          },
  };
}
