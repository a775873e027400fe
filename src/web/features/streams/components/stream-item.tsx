import { Archive, ArchiveRestore, Pencil } from "lucide-react";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { formatDateTime } from "@/web/lib/format";
import type { StreamType } from "../streams-search";
import { isArchived, typeLabel, type Stream } from "../streams-shaping";

const typeVariant: Record<StreamType, "default" | "secondary" | "outline"> = {
  Transactional: "default",
  Broadcasts: "secondary",
  Inbound: "outline",
};

export function StreamTypeBadge({ type }: { type: string | null }) {
  const t = (type ?? "Transactional") as StreamType;
  return (
    <Badge variant={typeVariant[t] ?? "outline"} data-testid="stream-type">
      {typeLabel[t] ?? type}
    </Badge>
  );
}

interface Props {
  stream: Stream;
  canWrite: boolean;
  canArchive: boolean;
  busy: boolean;
  onEdit: (s: Stream) => void;
  onArchive: (s: Stream) => void;
  onUnarchive: (s: Stream) => void;
}

/** One message stream of the list: its name, type, ID and dates, with edit, archive or unarchive. */
export function StreamItem({ stream: s, canWrite, canArchive, busy, onEdit, onArchive, onUnarchive }: Props) {
  const archived = isArchived(s);
  return (
    <>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-words">{s.Name}</span>
          <StreamTypeBadge type={s.MessageStreamType} />
          {archived && <Badge variant="warning">Archived</Badge>}
        </div>
        <code className="w-fit rounded bg-muted px-1 font-mono text-xs text-muted-foreground break-all">{s.ID}</code>
        {s.Description && <p className="text-sm break-words text-muted-foreground">{s.Description}</p>}
        <p className="text-xs text-muted-foreground">
          {s.MessageStreamType === "Broadcasts" && (
            <>Unsubscribes: {s.SubscriptionManagementConfiguration.UnsubscribeHandlingType ?? "—"} · </>
          )}
          Created {formatDateTime(s.CreatedAt)}
          {archived && typeof s.ExpectedPurgeDate === "string" && (
            <> · purged {formatDateTime(s.ExpectedPurgeDate)} unless restored</>
          )}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        {archived ? (
          <Button
            variant="outline"
            size="sm"
            disabled={!canWrite || busy}
            onClick={() => onUnarchive(s)}
            aria-label={`Unarchive stream ${s.ID}`}
          >
            <ArchiveRestore aria-hidden />
            Unarchive
          </Button>
        ) : (
          <>
            <Button
              variant="outline"
              size="sm"
              disabled={!canWrite}
              onClick={() => onEdit(s)}
              aria-label={`Edit stream ${s.ID}`}
            >
              <Pencil aria-hidden />
              Edit
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={!canArchive || busy}
              onClick={() => onArchive(s)}
              aria-label={`Archive stream ${s.ID}`}
            >
              <Archive aria-hidden />
              Archive
            </Button>
          </>
        )}
      </div>
    </>
  );
}
