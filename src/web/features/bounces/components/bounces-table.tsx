import { Badge } from "@/web/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/web/components/ui/table";
import { PostmarkTime } from "@/web/components/postmark-time";
import type { BounceListItem } from "../bounces-api";

export function BouncesTable({
  bounces,
  onOpen,
  selected,
  onSelect,
}: {
  bounces: BounceListItem[];
  onOpen: (id: number) => void;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], on: boolean) => void;
}) {
  const all = bounces.length > 0 && bounces.every((b) => selected.has(b.ID));
  return (
    <div className="overflow-x-auto">
      <Table className="table-fixed">
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                aria-label="Select all on this page"
                checked={all}
                onChange={(e) =>
                  onSelect(
                    bounces.map((b) => b.ID),
                    e.target.checked,
                  )
                }
              />
            </TableHead>
            <TableHead className="w-[45%] sm:w-[34%]">Address</TableHead>
            <TableHead className="w-[30%] sm:w-[20%]">Type</TableHead>
            <TableHead className="hidden md:table-cell">Subject</TableHead>
            <TableHead className="w-[25%] sm:w-[18%]">Bounced</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {bounces.map((b) => (
            <TableRow key={b.ID} data-testid="bounce-row" data-bounce-id={b.ID}>
              <TableCell className="align-top">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  aria-label={`Select ${b.Email ?? `bounce ${b.ID}`}`}
                  checked={selected.has(b.ID)}
                  onChange={(e) => onSelect([b.ID], e.target.checked)}
                />
              </TableCell>
              <TableCell className="align-top">
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
              </TableCell>
              <TableCell className="align-top break-words whitespace-normal">{b.Name ?? b.Type}</TableCell>
              <TableCell className="hidden align-top break-words whitespace-normal md:table-cell">
                {b.Subject ?? "—"}
              </TableCell>
              <TableCell className="align-top text-xs whitespace-normal text-muted-foreground">
                <PostmarkTime iso={b.BouncedAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
