import { Badge } from "@/web/components/ui/badge";
import { AddressLink } from "@/web/components/address-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/web/components/ui/table";
import { formatDateTime } from "@/web/lib/format";
import type { SuppressionRow } from "../suppressions-api";
import { isRemovable } from "../suppressions-shape";

const box = "size-4 accent-primary disabled:opacity-40";

export function SuppressionsTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
}: {
  rows: SuppressionRow[];
  selected: ReadonlySet<string>;
  onToggle: (email: string) => void;
  onToggleAll: (on: boolean) => void;
}) {
  const removable = rows.filter(isRemovable);
  const allOn = removable.length > 0 && removable.every((r) => selected.has(r.EmailAddress ?? ""));
  return (
    <Table className="table-fixed">
      <TableHeader>
        <TableRow>
          <TableHead className="w-10">
            <input
              type="checkbox"
              className={box}
              aria-label="Select all removable"
              checked={allOn}
              disabled={removable.length === 0}
              onChange={(e) => onToggleAll(e.target.checked)}
            />
          </TableHead>
          <TableHead>Address</TableHead>
          <TableHead className="w-[32%] sm:w-[22%]">Reason</TableHead>
          <TableHead className="hidden w-[14%] sm:table-cell">Origin</TableHead>
          <TableHead className="hidden w-[22%] md:table-cell">Suppressed</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const email = r.EmailAddress ?? "";
          const canRemove = isRemovable(r);
          return (
            <TableRow key={email} data-testid="suppression-row" data-email={email}>
              <TableCell className="align-top">
                <input
                  type="checkbox"
                  className={box}
                  aria-label={canRemove ? `Select ${email}` : `${email} cannot be removed (spam complaint)`}
                  title={canRemove ? undefined : "Spam complaints cannot be removed"}
                  checked={selected.has(email)}
                  disabled={!canRemove}
                  onChange={() => onToggle(email)}
                />
              </TableCell>
              <TableCell className="align-top break-all whitespace-normal">
                <AddressLink email={email} />
                <div className="text-xs text-muted-foreground sm:hidden">
                  {r.Origin} · {formatDateTime(r.CreatedAt)}
                </div>
              </TableCell>
              <TableCell className="align-top whitespace-normal">
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
                {!canRemove && <div className="mt-1 text-xs text-muted-foreground">Cannot be removed</div>}
              </TableCell>
              <TableCell className="hidden align-top sm:table-cell">{r.Origin}</TableCell>
              <TableCell className="hidden align-top text-xs whitespace-normal text-muted-foreground md:table-cell">
                {formatDateTime(r.CreatedAt)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
