import { Plus, X } from "lucide-react";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";

export interface KeyValueRow {
  key: string;
  value: string;
}

/** Rows of key and value inputs with add/remove, for metadata, headers and the like. */
export function KeyValueRows({
  id,
  rows,
  onChange,
  keyLabel = "Key",
  valueLabel = "Value",
  addLabel = "Add a row",
  max,
  invalid,
  disabled,
}: {
  id: string;
  rows: readonly KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  keyLabel?: string;
  valueLabel?: string;
  addLabel?: string;
  max?: number;
  invalid?: boolean;
  disabled?: boolean;
}) {
  const set = (i: number, next: Partial<KeyValueRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...next } : r)));
  return (
    <div className="flex min-w-0 flex-col gap-2" id={id} data-testid={`${id}-rows`}>
      {rows.map((r, i) => (
        <div key={i} className="flex min-w-0 items-center gap-2">
          <Input
            aria-label={`${keyLabel} ${i + 1}`}
            value={r.key}
            onChange={(e) => set(i, { key: e.target.value })}
            className="min-w-0 flex-1 font-mono text-xs"
            aria-invalid={invalid || undefined}
            disabled={disabled}
          />
          <Input
            aria-label={`${valueLabel} ${i + 1}`}
            value={r.value}
            onChange={(e) => set(i, { value: e.target.value })}
            className="min-w-0 flex-[2] text-xs"
            aria-invalid={invalid || undefined}
            disabled={disabled}
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Remove row ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            disabled={disabled}
          >
            <X aria-hidden />
          </Button>
        </div>
      ))}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="self-start"
        onClick={() => onChange([...rows, { key: "", value: "" }])}
        disabled={disabled || (max !== undefined && rows.length >= max)}
      >
        <Plus aria-hidden />
        {addLabel}
      </Button>
    </div>
  );
}
