import { Braces, Link2, Type } from "lucide-react";
import { useState } from "react";
import {
  isMapping,
  isTemplate,
  type MappingContext,
  type MapSource,
  type ParamValue,
  type Transform,
} from "@/contract/workflows";
import { OperationField } from "@/web/components/operation-field";
import { Button } from "@/web/components/ui/button";
import { Label } from "@/web/components/ui/label";
import { Textarea } from "@/web/components/ui/textarea";
import { WHOLE_BODY } from "@/web/lib/operation-request";
import { cn } from "@/web/lib/utils";
import type { FormField } from "@/web/lib/zod-fields";
import {
  describeMapping,
  fieldToLiteral,
  formatPreview,
  literalToField,
  modeOf,
  previewValue,
  unwrapListItem,
  wrapAsListItem,
  type DataSource,
  type ListWrap,
  type ValueMode,
} from "./param-value";
import { WorkflowsDataPicker } from "./workflows-data-picker";
import { WorkflowsTransforms } from "./workflows-transforms";

export interface WorkflowsParamEditorProps {
  id: string;
  field: FormField;
  value: ParamValue | undefined;
  onChange: (value: ParamValue | undefined) => void;
  sources: DataSource[];
  context: MappingContext;
  /** Validation messages for this parameter. */
  problems?: string[];
}

const modes: { mode: ValueMode; label: string; icon: typeof Type }[] = [
  { mode: "value", label: "Value", icon: Type },
  { mode: "mapping", label: "Mapped", icon: Link2 },
  { mode: "template", label: "Text", icon: Braces },
];

/** One parameter: a literal (the catalog's form control), a mapping chosen with the data picker, or a text template. */
export function WorkflowsParamEditor({
  id,
  field,
  value,
  onChange,
  sources,
  context,
  problems = [],
}: WorkflowsParamEditorProps) {
  const mode = modeOf(value);
  const [picking, setPicking] = useState(false);
  const [jsonDraft, setJsonDraft] = useState<{ text: string; error: string } | null>(null);
  const label = field.name === WHOLE_BODY ? "Body" : field.name;

  // A mapping given directly, or as the only item of a list parameter.
  const listed = unwrapListItem(value);
  const mapping = isMapping(value) ? value : listed?.mapping;
  const pick = (from: MapSource, path: string, wrap: ListWrap | null) => {
    // Changing the source keeps the transforms already chosen.
    const transforms = mapping?.$map.transforms;
    const m = { $map: { from, path, ...(transforms?.length ? { transforms } : {}) } };
    onChange(wrap ? wrapAsListItem(m, wrap) : m);
  };
  const setMode = (next: ValueMode) => {
    if (next === mode) return;
    setJsonDraft(null);
    if (next === "mapping") setPicking(true);
    else onChange(next === "template" ? { $template: "" } : undefined);
  };
  const preview = mode === "value" ? null : previewValue(value, context);

  return (
    <div className="flex min-w-0 flex-col gap-1.5" data-testid={`param-${id}`}>
      <div className="flex min-w-0 items-center justify-between gap-2">
        {mode === "value" ? (
          <span />
        ) : (
          <Label htmlFor={id} className="min-w-0">
            <span className="truncate font-mono text-xs">{label}</span>
            {field.required && (
              <span className="text-destructive" aria-hidden>
                *
              </span>
            )}
          </Label>
        )}
        <div role="group" aria-label={`How ${label} is set`} className="flex shrink-0 rounded-md border p-0.5">
          {modes.map(({ mode: m, label: text, icon: Icon }) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              title={
                m === "mapping"
                  ? "Map from the event or an earlier step"
                  : m === "template"
                    ? "Text with {{placeholders}}"
                    : "A fixed value"
              }
              onClick={() => setMode(m)}
              className={cn(
                "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] text-muted-foreground",
                mode === m && "bg-secondary font-medium text-foreground",
              )}
            >
              <Icon className="size-3" aria-hidden />
              {text}
            </button>
          ))}
        </div>
      </div>

      {mode === "value" && (
        <OperationField
          id={id}
          field={field}
          value={jsonDraft ? jsonDraft.text : literalToField(field, value)}
          error={jsonDraft?.error ?? problems[0]}
          onChange={(input) => {
            const r = fieldToLiteral(field, input);
            if (r.ok) {
              setJsonDraft(null);
              onChange(r.value);
            } else setJsonDraft({ text: typeof input === "string" ? input : "", error: r.message });
          }}
        />
      )}

      {mapping && (
        <div className="flex min-w-0 flex-col gap-2 rounded-md border bg-muted/30 p-2">
          <div className="flex min-w-0 items-center gap-2">
            <Link2 className="size-3.5 shrink-0 text-primary" aria-hidden />
            <span id={id} className="min-w-0 flex-1 font-mono text-xs break-all" data-testid="mapping-label">
              {describeMapping(mapping.$map.from, mapping.$map.path)}
            </span>
            <Button type="button" variant="outline" size="sm" className="h-7 text-xs" onClick={() => setPicking(true)}>
              Change
            </Button>
          </div>
          {listed && (
            <p className="text-xs text-muted-foreground" data-testid="mapping-list-note">
              As a one-item list
              {listed.wrap.key ? (
                <>
                  , in each item's <span className="font-mono">{listed.wrap.key}</span>
                </>
              ) : null}
            </p>
          )}
          <WorkflowsTransforms
            id={id}
            transforms={mapping.$map.transforms ?? []}
            onChange={(t: Transform[]) => {
              const next = { $map: { ...mapping.$map, transforms: t.length ? t : undefined } };
              onChange(listed ? wrapAsListItem(next, listed.wrap) : next);
            }}
          />
        </div>
      )}

      {isTemplate(value) && (
        <Textarea
          id={id}
          rows={3}
          spellCheck={false}
          className="font-mono text-xs"
          placeholder="Hello {{trigger.FromName}}"
          value={value.$template}
          onChange={(e) => onChange({ $template: e.target.value })}
        />
      )}

      {preview && (
        <p
          className={cn("text-xs break-all", preview.ok ? "text-muted-foreground" : "text-destructive")}
          data-testid="mapping-preview"
        >
          {preview.ok ? (
            <>
              Sample: <span className="font-mono text-foreground">{formatPreview(preview.value)}</span>
            </>
          ) : (
            preview.message
          )}
        </p>
      )}
      {mode !== "value" &&
        problems.map((p) => (
          <p key={p} role="alert" className="text-xs break-words text-destructive">
            {p}
          </p>
        ))}
      <WorkflowsDataPicker
        open={picking}
        onOpenChange={setPicking}
        sources={sources}
        onPick={pick}
        listItem={field.listItem}
      />
    </div>
  );
}
