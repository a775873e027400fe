import { useState, type FormEvent } from "react";
import { metadataFilter } from "@/contract/postmark/metadata-filter";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import type { ActivityFilters, ActivityTab } from "../activity-search";
import { statusesFor, tabFilters } from "../activity-shape";

const ANY = "any";
type TextKey = Exclude<keyof ActivityFilters, "status">;
const labels: Record<TextKey, string> = {
  recipient: "Recipient",
  sender: "Sender",
  tag: "Tag",
  subject: "Subject",
  stream: "Stream ID",
  metaKey: "Metadata key",
  metaValue: "Metadata value",
  mailboxHash: "Mailbox hash",
  from: "From date",
  to: "To date",
};
const empty = (f: ActivityFilters) =>
  Object.fromEntries((Object.keys(labels) as TextKey[]).map((k) => [k, f[k] ?? ""])) as Record<TextKey, string>;

/** The tab's filters: status applies at once; text and dates on submit. */
export function ActivityFilters({
  tab,
  filters,
  onChange,
}: {
  tab: ActivityTab;
  filters: ActivityFilters;
  onChange: (next: Partial<ActivityFilters>) => void;
}) {
  const [draft, setDraft] = useState(() => empty(filters));
  const [metaError, setMetaError] = useState<string | null>(null);
  const keys = tabFilters[tab];
  const statuses = statusesFor(tab);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Postmark matches a metadata key to an exact value: both halves, checked as the contract says.
    if (keys.includes("metaKey") && (draft.metaKey.trim() || draft.metaValue.trim())) {
      const parsed = metadataFilter.safeParse({ key: draft.metaKey, value: draft.metaValue });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        setMetaError(
          `${issue?.path[0] === "key" ? "Metadata key" : "Metadata value"}: ${issue?.message ?? "not valid"}`,
        );
        return;
      }
    }
    setMetaError(null);
    const next: Partial<ActivityFilters> = {};
    for (const k of Object.keys(labels) as TextKey[]) if (keys.includes(k)) next[k] = draft[k].trim() || undefined;
    onChange(next);
  };
  const active = keys.some((k) => filters[k]);
  return (
    <form
      onSubmit={submit}
      aria-label="Activity filters"
      className="grid grid-cols-1 gap-2 rounded-lg border bg-card p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      {(Object.keys(labels) as TextKey[])
        .filter((k) => keys.includes(k))
        .map((k) => (
          <div key={k} className="flex min-w-0 flex-col gap-1">
            <Label htmlFor={`activity-${k}`} className="text-xs">
              {labels[k]}
            </Label>
            <Input
              id={`activity-${k}`}
              type={k === "from" || k === "to" ? "date" : "text"}
              value={draft[k]}
              aria-invalid={metaError !== null && (k === "metaKey" || k === "metaValue") ? true : undefined}
              aria-describedby={k === "from" || k === "to" ? "activity-date-zone" : undefined}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            />
          </div>
        ))}
      {statuses.length > 0 && (
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="activity-status" className="text-xs">
            Status
          </Label>
          <Select
            value={filters.status && statuses.includes(filters.status) ? filters.status : ANY}
            onValueChange={(v) => onChange({ status: v === ANY ? undefined : (v as ActivityFilters["status"]) })}
          >
            <SelectTrigger id="activity-status" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY}>Any status</SelectItem>
              {statuses.map((s) => (
                <SelectItem key={s} value={s} className="capitalize">
                  {s[0]!.toUpperCase() + s.slice(1)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      )}
      {keys.includes("from") && (
        <p id="activity-date-zone" className="text-xs text-muted-foreground sm:col-span-2 lg:col-span-4">
          Dates are days in US Eastern time, as Postmark counts them; times in the list show Eastern with your local
          time beside it.
        </p>
      )}
      {metaError && (
        <p role="alert" className="text-xs text-destructive sm:col-span-2 lg:col-span-4">
          {metaError}
        </p>
      )}
      <div className="flex items-end gap-2">
        <Button type="submit" size="sm">
          Apply
        </Button>
        {active && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft(empty({}));
              onChange(Object.fromEntries(keys.map((k) => [k, undefined])));
            }}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
