import { Search, X } from "lucide-react";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import type { DomainStatusFilter, DomainsSearch } from "../domains-search";

const ALL = "all";

export function DomainsFilters({ value, onChange }: { value: DomainsSearch; onChange: (next: DomainsSearch) => void }) {
  const filtered = Boolean(value.q || value.status);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative min-w-0 flex-1">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          aria-label="Filter domains by name"
          placeholder="Filter by name"
          className="pl-8"
          value={value.q ?? ""}
          onChange={(e) => onChange({ ...value, q: e.target.value.trim() ? e.target.value : undefined })}
        />
      </div>
      <div className="flex gap-2">
        <Select
          value={value.status ?? ALL}
          onValueChange={(v) => onChange({ ...value, status: v === ALL ? undefined : (v as DomainStatusFilter) })}
        >
          <SelectTrigger aria-label="Verification" className="w-full sm:w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>Any state</SelectItem>
            <SelectItem value="verified">Verified</SelectItem>
            <SelectItem value="unverified">Needs DNS work</SelectItem>
          </SelectContent>
        </Select>
        {filtered && (
          <Button
            variant="ghost"
            size="sm"
            className="h-9"
            onClick={() => onChange({ ...value, q: undefined, status: undefined })}
          >
            <X aria-hidden />
            Clear
          </Button>
        )}
      </div>
    </div>
  );
}
