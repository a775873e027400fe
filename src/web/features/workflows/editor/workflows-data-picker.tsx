import { Search } from "lucide-react";
import { useMemo, useState } from "react";
import type { MapSource } from "@/contract/workflows";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/web/components/ui/dialog";
import { Input } from "@/web/components/ui/input";
import type { FormField } from "@/web/lib/zod-fields";
import { defaultListKey, formatPreview, type DataSource, type ListWrap } from "./param-value";

export interface WorkflowsDataPickerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  sources: DataSource[];
  /** Set when the parameter takes a list: the picked value can become its only item. */
  listItem?: FormField["listItem"];
  onPick: (from: MapSource, path: string, wrap: ListWrap | null) => void;
}

/** Lists every field the event and earlier steps offer, with an example value, to map into a parameter. */
export function WorkflowsDataPicker({ open, onOpenChange, sources, onPick, listItem }: WorkflowsDataPickerProps) {
  const [q, setQ] = useState("");
  const [asList, setAsList] = useState(true);
  const [key, setKey] = useState<string | undefined>(defaultListKey(listItem));
  const wrap: ListWrap | null = listItem && asList ? (key ? { key } : {}) : null;
  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return sources.map((s) => ({
      ...s,
      fields: needle ? s.fields.filter((f) => f.path.toLowerCase().includes(needle)) : s.fields,
    }));
  }, [sources, q]);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="flex max-h-[85dvh] max-w-2xl flex-col gap-3" data-testid="data-picker">
        <DialogHeader>
          <DialogTitle>Map a field</DialogTitle>
          <DialogDescription>
            Pick where the value comes from. Examples are from the sample event and each step's documented answer.
          </DialogDescription>
        </DialogHeader>
        {listItem && (
          <div className="flex flex-col gap-2 rounded-md border bg-muted/30 p-2 text-sm" data-testid="list-wrap">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-4"
                checked={asList}
                onChange={(e) => setAsList(e.target.checked)}
              />
              As a one-item list
            </label>
            {asList && listItem.kind === "object" && (
              <label className="flex flex-wrap items-center gap-2 text-xs">
                Put the value in each item's
                <select
                  aria-label="Item field"
                  className="rounded border bg-background px-1 py-0.5 font-mono"
                  value={key}
                  onChange={(e) => setKey(e.target.value)}
                >
                  {listItem.keys.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <p className="text-xs text-muted-foreground">
              {asList ? (
                <>
                  This parameter takes a list: the field you pick becomes its only item
                  {key ? (
                    <>
                      , as <span className="font-mono">{`[{ "${key}": … }]`}</span>
                    </>
                  ) : null}
                  .
                </>
              ) : (
                "Pick a field that is itself a list."
              )}
            </p>
          </div>
        )}
        <div className="relative">
          <Search className="absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            aria-label="Search fields"
            placeholder="Search fields…"
            className="pl-8"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoFocus
          />
        </div>
        <div className="-mx-2 min-h-0 flex-1 overflow-y-auto px-2">
          {filtered.map((source) => (
            <section key={source.from} className="mb-4" aria-label={source.label}>
              <h3 className="sticky top-0 z-10 bg-background py-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">
                {source.label}
              </h3>
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
                          onPick(source.from, f.path, wrap);
                          onOpenChange(false);
                        }}
                        data-field={f.path}
                      >
                        <span className="min-w-0 font-mono text-xs break-all sm:w-2/5 sm:shrink-0">{f.path}</span>
                        <span className="shrink-0 text-xs text-muted-foreground">{f.type}</span>
                        {f.example !== undefined && (
                          <span className="min-w-0 truncate font-mono text-xs text-muted-foreground">
                            {formatPreview(f.example)}
                          </span>
                        )}
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
