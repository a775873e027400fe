import { lookupPath } from "./paths";
import { sourceStepId, type ConditionRule, type RuleOp } from "./schema";

export interface RuleResult {
  rule: ConditionRule;
  matched: boolean;
  /** The value the rule read (undefined when the field is missing). */
  actual: unknown;
}

export interface ConditionsResult {
  matched: boolean;
  rules: RuleResult[];
}

type ConditionsLike = { mode?: "all" | "any"; rules?: readonly ConditionRule[] };

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

function asNumber(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

// Only full ISO dates, so that "3" or "May" never compare as dates.
const isoDate = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/;
function asTime(v: unknown): number | null {
  if (typeof v !== "string" || !isoDate.test(v.trim())) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/** Scalars are equal when numerically equal, or when their text matches ignoring case. */
function scalarEquals(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null && (typeof actual === "number" || typeof expected === "number")) return a === b;
  if (typeof actual === "object") return false;
  return String(actual).trim().toLowerCase() === String(expected).trim().toLowerCase();
}

function valueEquals(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) && actual.length === expected.length && actual.every((v, i) => scalarEquals(v, expected[i]))
    );
  }
  return scalarEquals(actual, expected);
}

function options(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string")
    return value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  return value === undefined ? [] : [value];
}

function compare(actual: unknown, expected: unknown): number | null {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null) return a - b;
  const ta = asTime(actual);
  const tb = asTime(expected);
  if (ta !== null && tb !== null) return ta - tb;
  return null;
}

/** Tests one operator; the semantics are documented in docs/workflows.md ("Conditions"). */
export function testRule(op: RuleOp, actual: unknown, expected: unknown): boolean {
  switch (op) {
    case "equals":
      return valueEquals(actual, expected);
    case "notEquals":
      return !valueEquals(actual, expected);
    case "contains":
      if (Array.isArray(actual)) return actual.some((item) => scalarEquals(item, expected));
      if (typeof actual === "string" || typeof actual === "number") {
        return String(actual)
          .toLowerCase()
          .includes(String(expected ?? "").toLowerCase());
      }
      return false;
    case "oneOf":
      return options(expected).some((o) => scalarEquals(actual, o));
    case "greaterThan": {
      const c = compare(actual, expected);
      return c !== null && c > 0;
    }
    case "lessThan": {
      const c = compare(actual, expected);
      return c !== null && c < 0;
    }
    case "isEmpty":
      return isBlank(actual);
    case "isNotEmpty":
      return !isBlank(actual);
  }
}

/** Evaluates every rule and says which matched; rules read the trigger unless `from` names a step. */
export function explainConditions(
  conditions: ConditionsLike,
  trigger: unknown,
  steps: Record<string, unknown> = {},
): ConditionsResult {
  const rules = (conditions.rules ?? []).map((rule): RuleResult => {
    const id = rule.from ? sourceStepId(rule.from) : null;
    const source = id === null ? trigger : steps[id];
    const actual = lookupPath(source, rule.field).value;
    return { rule, actual, matched: testRule(rule.op, actual, rule.value) };
  });
  // No rules means no restriction, in either mode.
  if (rules.length === 0) return { matched: true, rules };
  const matched = (conditions.mode ?? "all") === "all" ? rules.every((r) => r.matched) : rules.some((r) => r.matched);
  return { matched, rules };
}

export function evaluateConditions(
  conditions: ConditionsLike,
  trigger: unknown,
  steps: Record<string, unknown> = {},
): boolean {
  return explainConditions(conditions, trigger, steps).matched;
}
