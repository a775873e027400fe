import { ChevronRight } from "lucide-react";
import { useState } from "react";
import type { AuditRecord } from "@/contract/api/audit";
import { JsonViewer } from "@/web/components/json-viewer";
import { Badge } from "@/web/components/ui/badge";
import { formatDateTime } from "@/web/lib/format";

const outcomeVariant = { success: "success", failure: "destructive", denied: "warning" } as const;

/** One record of the trail (inside its list item): a summary line that opens onto the whole record. */
export function AuditRecordRow({ record: r }: { record: AuditRecord }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="flex w-full min-w-0 items-start gap-3 p-3 text-left hover:bg-accent/50"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <ChevronRight
          className={`mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform ${open ? "rotate-90" : ""}`}
          aria-hidden
        />
        <div className="grid min-w-0 flex-1 gap-1 sm:grid-cols-[auto_1fr_auto] sm:items-baseline sm:gap-3">
          <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">
            #{r.seq} · {formatDateTime(r.at)}
          </span>
          <span className="min-w-0 text-sm break-words">
            <span className="font-medium">{r.actor.name}</span> <span className="font-mono text-xs">{r.action}</span>
            {r.target && (
              <span className="text-muted-foreground">
                {" "}
                → <span className="break-all">{r.target}</span>
              </span>
            )}
          </span>
          <span className="flex items-center gap-2">
            <Badge variant={outcomeVariant[r.outcome]}>{r.outcome}</Badge>
            {r.outcomeDetail && <span className="text-xs text-muted-foreground">{r.outcomeDetail}</span>}
          </span>
        </div>
      </button>
      {open && (
        <div className="grid min-w-0 gap-2 px-3 pb-3 pl-10 text-xs">
          {r.requestId && (
            <p className="text-muted-foreground">
              Request <span className="font-mono">{r.requestId}</span>
            </p>
          )}
          <JsonViewer value={r.details} />
          <p className="font-mono break-all text-muted-foreground">hash {r.hash}</p>
        </div>
      )}
    </>
  );
}
