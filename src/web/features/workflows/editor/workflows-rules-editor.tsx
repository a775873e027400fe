import { Plus, X } from "lucide-react";
import {
  ruleOps,
  type ConditionRule,
  type ConditionsInput,
  type FieldInfo,
  type MapSource,
  type RuleOp,
} from "@/contract/workflows";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";

export const ruleOpLabels: Record<RuleOp, string> = {
  equals: "equals",
  notEquals: "does not equal",
  contains: "contains",
  oneOf: "is one of",
  greaterThan: "is greater than",
  lessThan: "is less than",
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
};
const unary = (op: RuleOp) => op === "isEmpty" || op === "isNotEmpty";

function valueText(v: ConditionRule["value"]): string {
  if (v === undefined || v === null) return "";
  return Array.isArray(v) ? v.join(", ") : String(v);
}

export interface RuleSource {
  from: MapSource;
  label: string;
  fields: FieldInfo[];
}

/** Condition rules on the event (or, in a condition step, earlier answers), combined with all/any. */
export function WorkflowsRulesEditor({
  id,
  conditions,
  sources,
  onChange,
}: {
  id: string;
  conditions: ConditionsInput;
  sources: RuleSource[];
  onChange: (c: ConditionsInput) => void;
}) {
  const rules = (conditions.rules ?? []) as ConditionRule[];
  const mode = conditions.mode ?? "all";
  const setRule = (i: number, r: ConditionRule) => onChange({ mode, rules: rules.map((x, j) => (j === i ? r : x)) });
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-2 text-sm">
        <span>Run when</span>
        <Select value={mode} onValueChange={(m) => onChange({ mode: m as "all" | "any", rules })}>
          <SelectTrigger aria-label="Combine rules" className="h-8 w-24">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">all</SelectItem>
            <SelectItem value="any">any</SelectItem>
          </SelectContent>
        </Select>
        <span>of these hold</span>
      </div>
      {rules.length === 0 && <p className="text-xs text-muted-foreground">No rules: every event runs the workflow.</p>}
      {rules.map((rule, i) => {
        const source = sources.find((s) => s.from === (rule.from ?? "trigger")) ?? sources[0];
        const listId = `${id}-fields-${i}`;
        return (
          <div key={i} className="flex flex-col gap-2 rounded-md border p-2" data-testid="condition-rule">
            {sources.length > 1 && (
              <Select
                value={rule.from ?? "trigger"}
                onValueChange={(from) =>
                  setRule(i, { ...rule, from: from === "trigger" ? undefined : (from as MapSource) })
                }
              >
                <SelectTrigger aria-label={`Rule ${i + 1} reads from`} className="h-8">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {sources.map((s) => (
                    <SelectItem key={s.from} value={s.from}>
                      {s.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
            <div className="flex min-w-0 gap-2">
              <Label htmlFor={`${id}-field-${i}`} className="sr-only">
                Rule {i + 1} field
              </Label>
              <Input
                id={`${id}-field-${i}`}
                list={listId}
                className="h-8 min-w-0 flex-1 font-mono text-xs"
                placeholder="Field, e.g. Type"
                value={rule.field}
                onChange={(e) => setRule(i, { ...rule, field: e.target.value })}
              />
              <datalist id={listId}>
                {source?.fields.map((f) => (
                  <option key={f.path} value={f.path} />
                ))}
              </datalist>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={`Remove rule ${i + 1}`}
                onClick={() => onChange({ mode, rules: rules.filter((_, j) => j !== i) })}
              >
                <X />
              </Button>
            </div>
            <div className="flex min-w-0 gap-2">
              <Select
                value={rule.op}
                onValueChange={(op) =>
                  setRule(
                    i,
                    unary(op as RuleOp)
                      ? { field: rule.field, op: op as RuleOp, ...(rule.from ? { from: rule.from } : {}) }
                      : { ...rule, op: op as RuleOp, value: rule.value ?? "" },
                  )
                }
              >
                <SelectTrigger aria-label={`Rule ${i + 1} operator`} className="h-8 w-36 shrink-0">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {ruleOps.map((op) => (
                    <SelectItem key={op} value={op}>
                      {ruleOpLabels[op]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              {!unary(rule.op) && (
                <Input
                  aria-label={`Rule ${i + 1} value`}
                  className="h-8 min-w-0 flex-1 text-xs"
                  placeholder={rule.op === "oneOf" ? "a, b, c" : "Value"}
                  value={valueText(rule.value)}
                  onChange={(e) => setRule(i, { ...rule, value: e.target.value })}
                />
              )}
            </div>
          </div>
        );
      })}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="w-fit"
        onClick={() => onChange({ mode, rules: [...rules, { field: "", op: "equals", value: "" }] })}
      >
        <Plus /> Add rule
      </Button>
    </div>
  );
}
