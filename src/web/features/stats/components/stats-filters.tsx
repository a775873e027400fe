import { useQuery } from "@tanstack/react-query";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { tagsQuery } from "@/web/lib/alerts-api";
import { selectedServer } from "@/web/lib/server-selection";
import { outboundStreamsQuery } from "../stats-queries";
import { rangePresets, type RangePreset, type StatsSearch } from "../stats-search";
import { filterOptions, type DateRange } from "../stats-shaping";

const presetLabel: Record<RangePreset, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "45d": "Last 45 days",
  custom: "Custom",
};
const ALL = "__all";

export function StatsFilters({
  search,
  range,
  onChange,
}: {
  search: StatsSearch;
  range: DateRange;
  onChange: (next: Partial<StatsSearch>) => void;
}) {
  const serverId = selectedServer.use();
  const streams = useQuery(outboundStreamsQuery(serverId));
  const outbound = (streams.data?.MessageStreams ?? []).filter((s) => s.ID && s.MessageStreamType !== "Inbound");
  // Tags seen in the events Mailroom received (Postmark has no list of a server's tags).
  const tags = useQuery(tagsQuery(serverId));
  const tagChoices = filterOptions(
    (tags.data?.tags ?? []).map((t) => t.tag),
    search.tag,
  );

  return (
    <div
      className="flex flex-col gap-3 rounded-lg border bg-card p-3 sm:flex-row sm:flex-wrap sm:items-end"
      data-testid="stats-filters"
    >
      <div role="group" aria-label="Date range" className="flex flex-wrap gap-1">
        {rangePresets.map((p) => (
          <Button
            key={p}
            size="sm"
            variant={search.range === p ? "default" : "outline"}
            aria-pressed={search.range === p}
            onClick={() =>
              onChange(
                p === "custom"
                  ? { range: p, from: range.fromdate, to: range.todate }
                  : { range: p, from: undefined, to: undefined },
              )
            }
          >
            {presetLabel[p]}
          </Button>
        ))}
      </div>
      {search.range === "custom" && (
        <div className="grid grid-cols-2 gap-2 sm:flex">
          <div className="flex flex-col gap-1">
            <Label htmlFor="stats-from">From</Label>
            <Input
              id="stats-from"
              type="date"
              value={range.fromdate}
              max={range.todate}
              onChange={(e) => e.target.value && onChange({ from: e.target.value, to: range.todate })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="stats-to">To</Label>
            <Input
              id="stats-to"
              type="date"
              value={range.todate}
              min={range.fromdate}
              onChange={(e) => e.target.value && onChange({ from: range.fromdate, to: e.target.value })}
            />
          </div>
        </div>
      )}
      <div className="flex flex-col gap-1 sm:w-48">
        <Label htmlFor="stats-stream">Stream</Label>
        <Select value={search.stream ?? ALL} onValueChange={(v) => onChange({ stream: v === ALL ? undefined : v })}>
          <SelectTrigger id="stats-stream" aria-label="Stream" className="[&>span]:min-w-0 [&>span]:truncate">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All outbound streams</SelectItem>
            {outbound.map((s) => (
              <SelectItem key={s.ID} value={s.ID!}>
                {s.Name ?? s.ID}
              </SelectItem>
            ))}
            {search.stream && !outbound.some((s) => s.ID === search.stream) && (
              <SelectItem value={search.stream}>{search.stream}</SelectItem>
            )}
          </SelectContent>
        </Select>
      </div>
      <div className="flex flex-col gap-1 sm:w-56">
        <Label htmlFor="stats-tag">Tag</Label>
        <Select value={search.tag ?? ALL} onValueChange={(v) => onChange({ tag: v === ALL ? undefined : v })}>
          <SelectTrigger id="stats-tag" aria-label="Tag" className="[&>span]:min-w-0 [&>span]:truncate">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>
              {tags.isError ? "Any tag (the tag list could not be loaded)" : "Any tag"}
            </SelectItem>
            {tagChoices.map((t) => (
              <SelectItem key={t} value={t}>
                {t}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
    </div>
  );
}
