import { useState, type FormEvent } from "react";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { suppressionOrigins, suppressionReasons, type SuppressionsSearch } from "../suppressions-search";
import { hasSuppressionFilters } from "../suppressions-shape";
import type { Stream } from "../suppressions-api";

const ANY = "any";
const reasonLabel: Record<(typeof suppressionReasons)[number], string> = {
  HardBounce: "Hard bounce",
  SpamComplaint: "Spam complaint",
  ManualSuppression: "Manual suppression",
};

type Filters = Omit<SuppressionsSearch, "stream">;

export function SuppressionsFilters({
  streams,
  stream,
  filters,
  onStream,
  onChange,
}: {
  streams: Stream[];
  stream: string;
  filters: Filters;
  onStream: (id: string) => void;
  onChange: (next: Partial<Filters>) => void;
}) {
  const [draft, setDraft] = useState({ email: filters.email ?? "", from: filters.from ?? "", to: filters.to ?? "" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ email: draft.email.trim() || undefined, from: draft.from || undefined, to: draft.to || undefined });
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Suppression filters"
      className="grid grid-cols-1 gap-2 rounded-lg border bg-card p-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor="supp-stream" className="text-xs">
          Stream
        </Label>
        <Select value={stream} onValueChange={onStream}>
          <SelectTrigger id="supp-stream" className="w-full">
            <SelectValue data-slot="select-value" />
          </SelectTrigger>
          <SelectContent>
            {streams.map((s) => (
              <SelectItem key={s.ID} value={s.ID ?? ""}>
                {s.Name ?? s.ID}{" "}
                <span className="text-muted-foreground">
                  ({s.ID}, {s.MessageStreamType})
                </span>
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor="supp-reason" className="text-xs">
          Reason
        </Label>
        <Select
          value={filters.reason ?? ANY}
          onValueChange={(v) => onChange({ reason: v === ANY ? undefined : (v as Filters["reason"]) })}
        >
          <SelectTrigger id="supp-reason" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any reason</SelectItem>
            {suppressionReasons.map((r) => (
              <SelectItem key={r} value={r}>
                {reasonLabel[r]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor="supp-origin" className="text-xs">
          Origin
        </Label>
        <Select
          value={filters.origin ?? ANY}
          onValueChange={(v) => onChange({ origin: v === ANY ? undefined : (v as Filters["origin"]) })}
        >
          <SelectTrigger id="supp-origin" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any origin</SelectItem>
            {suppressionOrigins.map((o) => (
              <SelectItem key={o} value={o}>
                {o}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor="supp-email" className="text-xs">
          Email contains
        </Label>
        <Input id="supp-email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
      </div>
      <div className="grid min-w-0 grid-cols-2 gap-2">
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="supp-from" className="text-xs">
            From date
          </Label>
          <Input
            id="supp-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="supp-to" className="text-xs">
            To date
          </Label>
          <Input
            id="supp-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit" size="sm">
          Apply
        </Button>
        {hasSuppressionFilters(filters) && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft({ email: "", from: "", to: "" });
              onChange({ reason: undefined, origin: undefined, email: undefined, from: undefined, to: undefined });
            }}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
