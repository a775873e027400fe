import { Check, ListFilter, Search, SlidersHorizontal, X } from "lucide-react";
import { useEffect, useState } from "react";
import type { EventKind } from "@/contract/api/events";
import { triggerLook } from "@/web/components/trigger-badge";
import { Button } from "@/web/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/web/components/ui/dropdown-menu";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { cn } from "@/web/lib/utils";
import { allKinds, formatTypes, hasFilters, parseTypes, type FeedFilters } from "../feed-search";

type TextKey = "q" | "recipient" | "stream" | "tag";

/** A text filter that reaches the URL once typing pauses, so each keystroke is not a history entry. */
function TextFilter({
  id,
  label,
  placeholder,
  value,
  onChange,
  className,
  icon,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  className?: string;
  icon?: boolean;
}) {
  const [draft, setDraft] = useState(value ?? "");
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    setDraft(value ?? "");
  }
  useEffect(() => {
    const next = draft.trim() || undefined;
    if (next === value) return;
    const t = setTimeout(() => onChange(next), 400);
    return () => clearTimeout(t);
  }, [draft, value, onChange]);
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <div className="relative">
        {icon && (
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
        )}
        <Input
          id={id}
          value={draft}
          placeholder={placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && onChange(draft.trim() || undefined)}
          className={cn(icon && "pl-8")}
          spellCheck={false}
        />
      </div>
    </div>
  );
}

function TypesFilter({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  const chosen = parseTypes(value);
  const toggle = (k: EventKind) =>
    onChange(formatTypes(chosen.includes(k) ? chosen.filter((c) => c !== k) : [...chosen, k]));
  const label =
    chosen.length === 0 ? "All types" : chosen.length === 1 ? triggerLook[chosen[0]!].title : `${chosen.length} types`;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-xs font-medium text-muted-foreground" id="feed-types-label">
        Types
      </span>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="outline"
            className="w-full justify-start font-normal"
            aria-labelledby="feed-types-label feed-types-value"
          >
            <ListFilter aria-hidden />
            <span id="feed-types-value" className="truncate">
              {label}
            </span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-60">
          <DropdownMenuLabel>Show events of type</DropdownMenuLabel>
          {allKinds.map((k) => {
            const { icon: Icon, title } = triggerLook[k];
            const on = chosen.includes(k);
            return (
              <DropdownMenuItem
                key={k}
                role="menuitemcheckbox"
                aria-checked={on}
                onSelect={(e) => {
                  e.preventDefault();
                  toggle(k);
                }}
              >
                <span className="flex size-4 items-center justify-center">{on && <Check aria-hidden />}</span>
                <Icon aria-hidden />
                {title}
              </DropdownMenuItem>
            );
          })}
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={chosen.length === 0} onSelect={() => onChange(undefined)}>
            <X aria-hidden />
            All types
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}

/** Every filter reaches back through all stored history: the server applies it to each keyset page. */
export function FeedFilters({
  filters,
  onChange,
}: {
  filters: FeedFilters;
  onChange: (next: Partial<FeedFilters>) => void;
}) {
  // On a phone the less used filters fold away; open if one of them is set.
  const [more, setMore] = useState(Boolean(filters.types || filters.stream || filters.recipient || filters.tag));
  const set = (k: TextKey) => (v: string | undefined) => onChange({ [k]: v });
  return (
    <div className="flex flex-col gap-3 rounded-lg border bg-card p-3" role="search" aria-label="Filter events">
      <div className="flex items-end gap-2">
        <TextFilter
          id="feed-q"
          label="Search"
          placeholder="Subject, address, link, message id…"
          value={filters.q}
          onChange={set("q")}
          icon
          className="flex-1"
        />
        <Button
          variant="outline"
          size="icon"
          className="sm:hidden"
          aria-expanded={more}
          aria-controls="feed-more-filters"
          aria-label="More filters"
          onClick={() => setMore(!more)}
        >
          <SlidersHorizontal aria-hidden />
        </Button>
      </div>
      <div
        id="feed-more-filters"
        className={cn("grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4", !more && "hidden sm:grid")}
      >
        <TypesFilter value={filters.types} onChange={(types) => onChange({ types })} />
        <TextFilter
          id="feed-recipient"
          label="Recipient or sender"
          placeholder="someone@example.com"
          value={filters.recipient}
          onChange={set("recipient")}
        />
        <TextFilter
          id="feed-stream"
          label="Message stream"
          placeholder="outbound"
          value={filters.stream}
          onChange={set("stream")}
        />
        <TextFilter id="feed-tag" label="Tag" placeholder="welcome" value={filters.tag} onChange={set("tag")} />
      </div>
      {hasFilters(filters) && (
        <div className="flex justify-end">
          <Button
            variant="ghost"
            size="sm"
            onClick={() =>
              onChange({ types: undefined, stream: undefined, recipient: undefined, tag: undefined, q: undefined })
            }
          >
            <X aria-hidden />
            Clear filters
          </Button>
        </div>
      )}
    </div>
  );
}
