import { Search } from "lucide-react";
import { useMemo, useState } from "react";
import type { MapSource } from "@/contract/workflows";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/web/components/ui/dialog";
import { Input } from "@/web/components/ui/input";
import { formatPreview, type DataSource } from "./param-value";

export interface WorkflowsDataPickerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  sources: DataSource[];
  onPick: (from: MapSource, path: string) => void;
}

/** Lists every field the event and earlier steps offer, with an example value, to map into a parameter. */
export function WorkflowsDataPicker({ open, onOpenChange, sources, onPick }: WorkflowsDataPickerProps) {
  const [q, setQ] = useState("");
  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return sources.map((s) => ({ ...s, fields: needle ? s.fields.filter((f) => f.path.toLowerCase().includes(needle)) : s.fields }));
  }, [sources, q]);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="flex max-h-[85dvh] max-w-2xl flex-col gap-3" data-testid="data-picker">
        <DialogHeader>
          <DialogTitle>Map a field</DialogTitle>
          <DialogDescription>Pick where the value comes from. Examples are from the sample event and each step's documented answer.</DialogDescription>
        </DialogHeader>
        <div className="relative">
          <Search className="absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input type="search" aria-label="Search fields" placeholder="Search fields…" className="pl-8" value={q} onChange={(e) => setQ(e.target.value)} autoFocus />
        </div>
        <div className="-mx-2 min-h-0 flex-1 overflow-y-auto px-2">
          {filtered.map((source) => (
            <section key={source.from} className="mb-4" aria-label={source.label}>
              <h3 className="sticky top-0 z-10 bg-background py-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">{source.label}</h3>
              {source.fields.length === 0 ? (
                <p className="py-1 text-sm text-muted-foreground">No field matches.</p>
              ) : (
                <ul className="divide-y rounded-md border">
                  {source.fields.map((f) => (
                    <li key={f.path}>
                      <button
                        type="button"
                        className="flex w-full min-w-0 flex-col gap-0.5 px-3 py-2 text-left hover:bg-accent focus-visible:bg-accent focus-visible:outline-none sm:flex-row sm:items-center sm:gap-3"
                        onClick={() => {
                          onPick(source.from, f.path);
                          onOpenChange(false);
                        }}
                        data-field={f.path}
                      >
                        <span className="min-w-0 font-mono text-xs break-all sm:w-2/5 sm:shrink-0">{f.path}</span>
                        <span className="shrink-0 text-xs text-muted-foreground">{f.type}</span>
                        {f.example !== undefined && <span className="min-w-0 truncate font-mono text-xs text-muted-foreground">{formatPreview(f.example)}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
