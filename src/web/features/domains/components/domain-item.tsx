import { Link } from "@tanstack/react-router";
import { ChevronRight } from "lucide-react";
import type { DomainSummary } from "../domains-shape";
import { DomainStatusBadges } from "./domain-status-badges";

/** One domain of the list; the whole row opens the domain's records. */
export function DomainItem({ domain: d }: { domain: DomainSummary }) {
  return (
    <Link
      from="/domains"
      to="/domains"
      search={(prev) => ({ ...prev, domain: d.ID })}
      className="flex items-center gap-3 px-4 py-3 hover:bg-accent/50 focus-visible:bg-accent/50 focus-visible:outline-none"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:flex-row sm:items-center sm:justify-between">
        <span className="truncate font-medium">{d.Name ?? `Domain ${d.ID}`}</span>
        <DomainStatusBadges domain={d} />
      </div>
      <ChevronRight className="size-4 shrink-0 text-muted-foreground" aria-hidden />
    </Link>
  );
}
