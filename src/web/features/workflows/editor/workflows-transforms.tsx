import { X } from "lucide-react";
import { transformNames, type Transform, type TransformName } from "@/contract/workflows";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";

const labels: Record<TransformName, string> = {
  lowerCase: "lower-case",
  upperCase: "upper-case",
  trim: "trim spaces",
  domainOf: "domain of",
  localPartOf: "local part of",
  join: "join list",
  split: "split text",
  default: "default value",
  first: "first item",
  toNumber: "to number",
  toString: "to text",
};

function make(type: TransformName): Transform {
  if (type === "default") return { type, value: "" };
  if (type === "join") return { type, separator: ", " };
  if (type === "split") return { type, separator: "," };
  return { type } as Transform;
}

/** The fixed set of transforms, applied left to right; no user code ever runs. */
export function WorkflowsTransforms({
  id,
  transforms,
  onChange,
}: {
  id: string;
  transforms: Transform[];
  onChange: (t: Transform[]) => void;
}) {
  const replace = (i: number, t: Transform) => onChange(transforms.map((x, j) => (j === i ? t : x)));
  return (
    <div className="flex flex-col gap-1.5">
      {transforms.map((t, i) => (
        <div key={i} className="flex min-w-0 items-center gap-2 text-xs">
          <span className="shrink-0 rounded bg-muted px-1.5 py-0.5 font-medium">{labels[t.type]}</span>
          {(t.type === "join" || t.type === "split") && (
            <Input
              aria-label={`${labels[t.type]} separator`}
              className="h-7 w-20 font-mono text-xs"
              value={t.separator ?? ""}
              onChange={(e) => replace(i, { ...t, separator: e.target.value })}
            />
          )}
          {t.type === "default" && (
            <Input
              aria-label="Default value"
              className="h-7 min-w-0 flex-1 text-xs"
              value={typeof t.value === "string" ? t.value : JSON.stringify(t.value)}
              onChange={(e) => replace(i, { type: "default", value: e.target.value })}
            />
          )}
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="ml-auto size-7"
            aria-label={`Remove ${labels[t.type]}`}
            onClick={() => onChange(transforms.filter((_, j) => j !== i))}
          >
            <X />
          </Button>
        </div>
      ))}
      <Select value="" onValueChange={(v) => onChange([...transforms, make(v as TransformName)])}>
        <SelectTrigger id={`${id}-add-transform`} aria-label="Add a transform" className="h-7 w-fit text-xs">
          <SelectValue placeholder="+ transform" />
        </SelectTrigger>
        <SelectContent>
          {transformNames.map((n) => (
            <SelectItem key={n} value={n}>
              {labels[n]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
