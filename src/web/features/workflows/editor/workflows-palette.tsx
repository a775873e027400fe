import { GitBranch, Search, Zap } from "lucide-react";
import { useMemo, useState, type DragEvent } from "react";
import { workflowTriggers } from "@/contract/workflows/triggers";
import { MethodLabel, RiskBadge } from "@/web/components/operation-meta";
import { Input } from "@/web/components/ui/input";
import { cn } from "@/web/lib/utils";
import { filterPalette, PALETTE_MIME, type PaletteItem } from "./palette-items";

const item =
  "flex w-full min-w-0 cursor-grab items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none active:cursor-grabbing";

/** Triggers, a condition and the 84 operations by area; drag one onto the canvas or click to add it. */
export function WorkflowsPalette({
  onAdd,
  currentTrigger,
  className,
}: {
  onAdd: (item: PaletteItem) => void;
  currentTrigger: string;
  className?: string;
}) {
  const [q, setQ] = useState("");
  const found = useMemo(() => filterPalette(q), [q]);
  const drag = (payload: PaletteItem) => (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, JSON.stringify(payload));
    e.dataTransfer.effectAllowed = "move";
  };
  return (
    <div className={cn("flex min-h-0 flex-col", className)} data-testid="palette">
      <div className="relative p-2">
        <Search className="absolute top-4.5 left-4.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          aria-label="Search the palette"
          placeholder="Search triggers and operations…"
          className="pl-8"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {found.triggers.length > 0 && (
          <section aria-label="Triggers" className="mb-3">
            <h3 className="px-2 py-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">Triggers</h3>
            {found.triggers.map((t) => (
              <button
                key={t}
                type="button"
                draggable
                onDragStart={drag({ type: "trigger", trigger: t })}
                onClick={() => onAdd({ type: "trigger", trigger: t })}
                className={item}
                aria-label={`Trigger: ${workflowTriggers[t].title}`}
              >
                <Zap
                  className={cn("size-3.5 shrink-0", currentTrigger === t ? "text-primary" : "text-muted-foreground")}
                  aria-hidden
                />
                <span className="truncate">{workflowTriggers[t].title}</span>
                {currentTrigger === t && <span className="ml-auto text-[10px] text-muted-foreground">current</span>}
              </button>
            ))}
          </section>
        )}
        {q.trim() === "" && (
          <section aria-label="Logic" className="mb-3">
            <h3 className="px-2 py-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">Logic</h3>
            <button
              type="button"
              draggable
              onDragStart={drag({ type: "condition" })}
              onClick={() => onAdd({ type: "condition" })}
              className={item}
            >
              <GitBranch className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
              Condition
            </button>
          </section>
        )}
        {found.areas.map((a) => (
          <section key={a.area} aria-label={a.title} className="mb-3">
            <h3 className="px-2 py-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">{a.title}</h3>
            {a.ops.map((op) => (
              <button
                key={op.id}
                type="button"
                draggable
                onDragStart={drag({ type: "action", operationId: op.id })}
                onClick={() => onAdd({ type: "action", operationId: op.id })}
                className={item}
                data-operation={op.id}
                title={op.description}
              >
                <MethodLabel method={op.method} className="w-11 self-start pt-0.5 text-[10px]" />
                <span className="line-clamp-2 min-w-0 flex-1 text-[13px] leading-snug">{op.title}</span>
                <span className="shrink-0 origin-right scale-90 self-start">
                  <RiskBadge risk={op.risk} />
                </span>
              </button>
            ))}
          </section>
        ))}
        {found.triggers.length === 0 && found.areas.length === 0 && (
          <p className="px-2 text-sm text-muted-foreground">Nothing matches “{q}”.</p>
        )}
      </div>
    </div>
  );
}
