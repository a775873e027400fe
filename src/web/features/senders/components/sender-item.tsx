import { Link } from "@tanstack/react-router";
import { ChevronRight } from "lucide-react";
import type { SenderSummary } from "../senders-shape";
import { SenderConfirmedBadge } from "./sender-confirmed-badge";

/** One sender signature of the list; the whole row opens it. */
export function SenderItem({ sender: s }: { sender: SenderSummary }) {
  return (
    <Link
      from="/senders"
      to="/senders"
      search={(prev) => ({ ...prev, sender: s.ID })}
      className="flex items-center gap-3 px-4 py-3 hover:bg-accent/50 focus-visible:bg-accent/50 focus-visible:outline-none"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="truncate font-medium">{s.Name || s.EmailAddress}</p>
          <p className="truncate text-sm text-muted-foreground">{s.EmailAddress}</p>
        </div>
        <SenderConfirmedBadge confirmed={s.Confirmed} />
      </div>
      <ChevronRight className="size-4 shrink-0 text-muted-foreground" aria-hidden />
    </Link>
  );
}
