import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Switch } from "@/web/components/ui/switch";
import { Textarea } from "@/web/components/ui/textarea";
import type { FieldValue } from "@/web/lib/operation-request";
import { WHOLE_BODY } from "@/web/lib/operation-request";
import type { FormField as Field } from "@/web/lib/zod-fields";

const UNSET = "__unset__";

function hint(field: Field): string | undefined {
  if (field.kind === "number") {
    const range =
      field.min !== undefined && field.max !== undefined
        ? `${field.min}–${field.max}`
        : field.min !== undefined
          ? `≥ ${field.min}`
          : field.max !== undefined
            ? `≤ ${field.max}`
            : "";
    return [field.integer ? "Whole number" : "Number", range].filter(Boolean).join(", ");
  }
  if (field.kind === "json") return "JSON";
  return field.description;
}

function jsonError(text: FieldValue): string | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export interface OperationFieldProps {
  id: string;
  field: Field;
  value: FieldValue;
  error?: string;
  onChange: (value: FieldValue) => void;
}

/** One field of a generated operation form; the control follows the schema's type. */
export function OperationField({ id, field, value, error, onChange }: OperationFieldProps) {
  const label = field.name === WHOLE_BODY ? "Body" : field.name;
  const shownError = error ?? (field.kind === "json" ? jsonError(value) : undefined);
  const describedBy = shownError ? `${id}-error` : `${id}-hint`;
  const common = { id, "aria-invalid": !!shownError, "aria-describedby": describedBy };

  let control;
  switch (field.kind) {
    case "boolean":
      control = (
        <div className="flex h-9 items-center gap-3">
          <Switch {...common} checked={value === true} onCheckedChange={(c) => onChange(c)} />
          <span className="text-sm text-muted-foreground">{value === undefined ? "not sent" : String(value)}</span>
          {!field.required && value !== undefined && (
            <Button type="button" variant="link" size="sm" className="h-auto px-0" onClick={() => onChange(undefined)}>
              Clear
            </Button>
          )}
        </div>
      );
      break;
    case "enum":
      control = (
        <Select
          value={typeof value === "string" && value !== "" ? value : UNSET}
          onValueChange={(v) => onChange(v === UNSET ? undefined : v)}
        >
          <SelectTrigger {...common}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={UNSET}>{field.required ? "Choose…" : "— not sent —"}</SelectItem>
            {field.options?.map((o) => (
              <SelectItem key={o} value={o}>
                {o}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      );
      break;
    case "json":
      control = (
        <Textarea
          {...common}
          spellCheck={false}
          rows={field.name === WHOLE_BODY ? 10 : 4}
          className="font-mono text-xs"
          placeholder={field.name === WHOLE_BODY ? "[ … ]" : "{ … }"}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    default:
      control = (
        <Input
          {...common}
          inputMode={field.kind === "number" ? (field.integer ? "numeric" : "decimal") : undefined}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
        />
      );
  }
  return (
    <FormField
      id={id}
      label={<span className="font-mono text-xs">{label}</span>}
      required={field.required}
      error={shownError}
      hint={hint(field)}
    >
      {control}
    </FormField>
  );
}
