import { Plus, X } from "lucide-react";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Switch } from "@/web/components/ui/switch";
import {
  isModelObject,
  labelFor,
  listItemTemplate,
  removeAt,
  setAt,
  type ModelObject,
  type ModelPath,
  type ModelValue,
} from "../model-form";

const pathId = (path: ModelPath) => `model-${path.join("-").replace(/[^\w-]/g, "_")}`;

function Leaf({
  path,
  label,
  value,
  onSet,
  disabled,
}: {
  path: ModelPath;
  label: string;
  value: string | number | boolean | null;
  onSet: (v: ModelValue) => void;
  disabled?: boolean;
}) {
  const id = pathId(path);
  if (typeof value === "boolean") {
    return (
      <div className="flex items-center justify-between gap-3 sm:justify-start">
        <Label htmlFor={id}>{label}</Label>
        <Switch id={id} checked={value} onCheckedChange={onSet} disabled={disabled} />
      </div>
    );
  }
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type={typeof value === "number" ? "number" : "text"}
        value={value === null ? "" : String(value)}
        onChange={(e) =>
          onSet(typeof value === "number" ? (e.target.value === "" ? 0 : Number(e.target.value)) : e.target.value)
        }
        disabled={disabled}
      />
    </div>
  );
}

function Node({
  path,
  label,
  value,
  root,
  suggested,
  onChange,
  disabled,
}: {
  path: ModelPath;
  label: string;
  value: ModelValue;
  root: ModelObject;
  suggested: ModelValue | undefined;
  onChange: (next: ModelObject) => void;
  disabled?: boolean;
}) {
  const set = (p: ModelPath, v: ModelValue) => {
    const next = setAt(root, p, v);
    if (isModelObject(next)) onChange(next);
  };
  if (Array.isArray(value)) {
    return (
      <fieldset className="flex min-w-0 flex-col gap-2 rounded-md border p-3" data-testid={`${pathId(path)}-list`}>
        <legend className="px-1 text-sm font-medium">
          {label} <span className="font-normal text-muted-foreground">· list of {value.length}</span>
        </legend>
        {value.map((item, i) => (
          <div key={i} className="flex min-w-0 items-start gap-2">
            <div className="min-w-0 flex-1">
              <Node
                path={[...path, i]}
                label={`${label} ${i + 1}`}
                value={item}
                root={root}
                suggested={suggested}
                onChange={onChange}
                disabled={disabled}
              />
            </div>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove ${label} ${i + 1}`}
              disabled={disabled}
              onClick={() => {
                const next = removeAt(root, [...path, i]);
                if (isModelObject(next)) onChange(next);
              }}
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
          disabled={disabled}
          onClick={() => set([...path, value.length], listItemTemplate(suggested, root, path))}
        >
          <Plus aria-hidden />
          Add to {label.toLowerCase()}
        </Button>
      </fieldset>
    );
  }
  if (isModelObject(value)) {
    const entries = Object.entries(value);
    return (
      <fieldset className="flex min-w-0 flex-col gap-3 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">{label}</legend>
        {entries.length === 0 && <p className="text-xs text-muted-foreground">No fields.</p>}
        {entries.map(([k, v]) => (
          <Node
            key={k}
            path={[...path, k]}
            label={labelFor(k)}
            value={v}
            root={root}
            suggested={suggested}
            onChange={onChange}
            disabled={disabled}
          />
        ))}
      </fieldset>
    );
  }
  return <Leaf path={path} label={label} value={value} onSet={(v) => set(path, v)} disabled={disabled} />;
}

/** The template model as a form: one input per variable, fieldsets for objects, add/remove for lists. */
export function SendModelForm({
  value,
  suggested,
  onChange,
  disabled,
}: {
  value: ModelObject;
  suggested: ModelValue | undefined;
  onChange: (next: ModelObject) => void;
  disabled?: boolean;
}) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">This template uses no variables.</p>;
  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="template-model-form">
      {entries.map(([k, v]) => (
        <Node
          key={k}
          path={[k]}
          label={labelFor(k)}
          value={v}
          root={value}
          suggested={suggested}
          onChange={onChange}
          disabled={disabled}
        />
      ))}
    </div>
  );
}
