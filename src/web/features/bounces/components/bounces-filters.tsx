import { useState, type FormEvent } from "react";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { bounceTypeNames, bounceTypes, type BounceFilters, type BounceType } from "../bounces-search";
import { hasBounceFilters } from "../bounces-shape";

const ANY = "any";

/** Selects apply at once; text and dates apply on submit, so typing does not fire a search per key. */
export function BouncesFilters({
  filters,
  onChange,
}: {
  filters: BounceFilters;
  onChange: (next: Partial<BounceFilters>) => void;
}) {
  const [draft, setDraft] = useState({
    email: filters.email ?? "",
    tag: filters.tag ?? "",
    stream: filters.stream ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({
      email: draft.email.trim() || undefined,
      tag: draft.tag.trim() || undefined,
      stream: draft.stream.trim() || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    });
  };
  const field = (key: keyof typeof draft, label: string, type = "text") => (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={`bounces-${key}`} className="text-xs">
        {label}
      </Label>
      <Input
        id={`bounces-${key}`}
        type={type}
        aria-describedby={type === "date" ? "bounces-date-zone" : undefined}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-1 gap-2 rounded-lg border bg-card p-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label="Bounce filters"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor="bounces-type" className="text-xs">
          Type
        </Label>
        <Select
          value={filters.type ?? ANY}
          onValueChange={(v) => onChange({ type: v === ANY ? undefined : (v as BounceType) })}
        >
          <SelectTrigger id="bounces-type" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any type</SelectItem>
            {bounceTypes.map((t) => (
              <SelectItem key={t} value={t}>
                {bounceTypeNames[t]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor="bounces-inactive" className="text-xs">
          Address
        </Label>
        <Select
          value={filters.inactive ?? ANY}
          onValueChange={(v) => onChange({ inactive: v === ANY ? undefined : (v as "true" | "false") })}
        >
          <SelectTrigger id="bounces-inactive" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Active or inactive</SelectItem>
            <SelectItem value="true">Inactive only</SelectItem>
            <SelectItem value="false">Active only</SelectItem>
          </SelectContent>
        </Select>
      </div>
      {field("email", "Email contains")}
      {field("tag", "Tag")}
      {field("stream", "Stream ID")}
      {field("from", "From date", "date")}
      {field("to", "To date", "date")}
      <p id="bounces-date-zone" className="text-xs text-muted-foreground sm:col-span-2 lg:col-span-4">
        Dates are days in US Eastern time, as Postmark counts them; times in the list show Eastern with your local time
        beside it.
      </p>
      <div className="flex items-end gap-2">
        <Button type="submit" size="sm">
          Apply
        </Button>
        {hasBounceFilters(filters) && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft({ email: "", tag: "", stream: "", from: "", to: "" });
              onChange({
                type: undefined,
                inactive: undefined,
                email: undefined,
                tag: undefined,
                stream: undefined,
                from: undefined,
                to: undefined,
              });
            }}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
