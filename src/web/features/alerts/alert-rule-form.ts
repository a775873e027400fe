import { alertRuleInput, type AlertRuleInput, type AlertRuleKind } from "@/contract/health/alert-rules";

/** The rule form's values as text, the way inputs hold them. */
export interface RuleFormValues {
  kind: AlertRuleKind;
  name: string;
  enabled: boolean;
  serverId: string;
  stream: string;
  tag: string;
  windowDays: string;
  remindAfterMinutes: string;
  level: "warning" | "critical";
  bounceType: string;
  atLeast: string;
  trigger: string;
  minutes: string;
}

export function emptyRuleForm(serverId: number | null): RuleFormValues {
  return {
    kind: "bounce-rate",
    name: "",
    enabled: true,
    serverId: serverId === null ? "" : String(serverId),
    stream: "",
    tag: "",
    windowDays: "1",
    remindAfterMinutes: "60",
    level: "critical",
    bounceType: "DMARCPolicy",
    atLeast: "5",
    trigger: "delivery",
    minutes: "30",
  };
}

export function formFromRule(r: AlertRuleInput): RuleFormValues {
  const base = {
    ...emptyRuleForm(r.scope.serverId),
    kind: r.kind,
    name: r.name,
    enabled: r.enabled,
    stream: r.scope.stream ?? "",
    tag: r.scope.tag ?? "",
    windowDays: String(r.windowDays),
    remindAfterMinutes: String(r.remindAfterMinutes),
  };
  switch (r.kind) {
    case "bounce-rate":
    case "spam-rate":
      return { ...base, level: r.level };
    case "bounce-type":
      return { ...base, bounceType: r.bounceType, atLeast: String(r.atLeast) };
    case "smtp-api-errors":
      return { ...base, atLeast: String(r.atLeast) };
    case "webhook-silence":
      return { ...base, trigger: r.trigger, minutes: String(r.minutes) };
    case "approvals-waiting":
      return { ...base, minutes: String(r.minutes) };
  }
}

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

/** Builds the document for the kind and validates it with the server's schema; errors by form field. */
export function ruleFromForm(
  v: RuleFormValues,
): { rule: AlertRuleInput; errors?: undefined } | { rule?: undefined; errors: Record<string, string> } {
  const scope: Record<string, unknown> = { serverId: num(v.serverId) };
  if (v.stream.trim()) scope.stream = v.stream.trim();
  if (v.tag.trim()) scope.tag = v.tag.trim();
  const common = {
    kind: v.kind,
    name: v.name,
    enabled: v.enabled,
    scope,
    windowDays: num(v.windowDays),
    remindAfterMinutes: num(v.remindAfterMinutes),
  };
  const extra: Record<AlertRuleKind, Record<string, unknown>> = {
    "bounce-rate": { level: v.level },
    "spam-rate": { level: v.level },
    "bounce-type": { bounceType: v.bounceType, atLeast: num(v.atLeast) },
    "smtp-api-errors": { atLeast: num(v.atLeast) },
    "webhook-silence": { trigger: v.trigger, minutes: num(v.minutes) },
    "approvals-waiting": { minutes: num(v.minutes) },
  };
  const parsed = alertRuleInput.safeParse({ ...common, ...extra[v.kind] });
  if (parsed.success) return { rule: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // scope.serverId → serverId: the form's fields are flat.
    const key = issue.path[0] === "scope" ? String(issue.path[1] ?? "serverId") : String(issue.path[0] ?? "_form");
    errors[key] ??= key === "serverId" ? "Choose a server" : issue.message;
  }
  return { errors };
}
