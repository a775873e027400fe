import { ExternalLink, Trash2 } from "lucide-react";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { colorSwatch, type ServerSummary } from "../servers-shape";

/** One server of the account's list; tokens are deliberately absent. */
export function ServerItem({
  server: s,
  current,
  canDelete,
  onDelete,
}: {
  server: ServerSummary;
  current: boolean;
  canDelete: { allowed: boolean; reason?: string };
  onDelete: (s: ServerSummary) => void;
}) {
  return (
    <>
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <span
          className="size-3 shrink-0 rounded-full"
          style={{ backgroundColor: colorSwatch(s.Color) }}
          aria-label={`Colour ${s.Color ?? "none"}`}
          role="img"
        />
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <span className="break-all">{s.Name}</span>
            <Badge variant={s.DeliveryType === "Sandbox" ? "warning" : "secondary"}>
              {s.DeliveryType ?? "Unknown"}
            </Badge>
            {current && <Badge variant="outline">Current</Badge>}
          </p>
          <p className="text-xs text-muted-foreground">
            ID <span className="font-mono">{s.ID}</span>
          </p>
        </div>
      </div>
      <div className="flex items-center gap-1">
        {s.ServerLink && (
          <Button variant="ghost" size="sm" asChild>
            <a href={s.ServerLink} target="_blank" rel="noreferrer noopener">
              <ExternalLink aria-hidden />
              Postmark
            </a>
          </Button>
        )}
        <Button
          variant="ghost"
          size="sm"
          className="text-destructive"
          disabled={!canDelete.allowed}
          title={canDelete.reason}
          onClick={() => onDelete(s)}
          aria-label={`Delete server ${s.Name}`}
        >
          <Trash2 aria-hidden />
          Delete
        </Button>
      </div>
    </>
  );
}
