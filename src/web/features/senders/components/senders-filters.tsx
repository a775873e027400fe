import { Search, X } from "lucide-react";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import type { SenderStateFilter, SendersSearch } from "../senders-search";

const ALL = "all";

export function SendersFilters({ value, onChange }: { value: SendersSearch; onChange: (next: SendersSearch) => void }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative min-w-0 flex-1">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          aria-label="Filter senders"
          placeholder="Filter by address or name"
          className="pl-8"
          value={value.q ?? ""}
          onChange={(e) => onChange({ ...value, q: e.target.value.trim() ? e.target.value : undefined })}
        />
      </div>
      <div className="flex gap-2">
        <Select
          value={value.state ?? ALL}
          onValueChange={(v) => onChange({ ...value, state: v === ALL ? undefined : (v as SenderStateFilter) })}
        >
          <SelectTrigger aria-label="Confirmation" className="w-full sm:w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>Any state</SelectItem>
            <SelectItem value="confirmed">Confirmed</SelectItem>
            <SelectItem value="unconfirmed">Awaiting confirmation</SelectItem>
          </SelectContent>
        </Select>
        {(value.q || value.state) && (
          <Button
            variant="ghost"
            size="sm"
            className="h-9"
            onClick={() => onChange({ ...value, q: undefined, state: undefined })}
          >
            <X aria-hidden />
            Clear
          </Button>
        )}
      </div>
    </div>
  );
}
