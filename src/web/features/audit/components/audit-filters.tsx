import { useEffect, useState, type FormEvent } from "react";
import { auditOutcomes } from "@/contract/api/audit";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { auditSearch, hasAuditFilters, type AuditSearch } from "../audit-search";

const textFields = [
  { key: "actor", label: "Actor", placeholder: "alice" },
  { key: "action", label: "Action (prefix)", placeholder: "approval." },
  { key: "target", label: "Target contains", placeholder: "approval:12" },
] as const;

/** Filters edit a draft and apply on submit, so typing does not refetch on every key. */
export function AuditFilters({ value, onChange }: { value: AuditSearch; onChange: (next: AuditSearch) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => {
    setDraft({
      actor: value.actor ?? "",
      action: value.action ?? "",
      target: value.target ?? "",
      outcome: value.outcome ?? "",
      from: value.from ?? "",
      to: value.to ?? "",
    });
  }, [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(auditSearch.parse(draft));
  };
  const set = (k: string, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <form
      onSubmit={submit}
      className="grid min-w-0 grid-cols-1 gap-3 rounded-lg border bg-card p-3 sm:grid-cols-2 lg:grid-cols-3"
      data-testid="audit-filters"
    >
      {textFields.map((f) => (
        <div key={f.key} className="grid min-w-0 gap-1">
          <Label htmlFor={`audit-${f.key}`}>{f.label}</Label>
          <Input
            id={`audit-${f.key}`}
            value={draft[f.key] ?? ""}
            placeholder={f.placeholder}
            onChange={(e) => set(f.key, e.target.value)}
          />
        </div>
      ))}
      <div className="grid min-w-0 gap-1">
        <Label htmlFor="audit-outcome">Outcome</Label>
        <select
          id="audit-outcome"
          className="h-9 rounded-md border bg-background px-2 text-sm"
          value={draft.outcome ?? ""}
          onChange={(e) => set("outcome", e.target.value)}
        >
          <option value="">Any</option>
          {auditOutcomes.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="grid min-w-0 grid-cols-2 gap-2">
        <div className="grid min-w-0 gap-1">
          <Label htmlFor="audit-from">From</Label>
          <Input id="audit-from" type="date" value={draft.from ?? ""} onChange={(e) => set("from", e.target.value)} />
        </div>
        <div className="grid min-w-0 gap-1">
          <Label htmlFor="audit-to">To</Label>
          <Input id="audit-to" type="date" value={draft.to ?? ""} onChange={(e) => set("to", e.target.value)} />
        </div>
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        {hasAuditFilters(value) && (
          <Button type="button" variant="ghost" onClick={() => onChange(auditSearch.parse({}))}>
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
