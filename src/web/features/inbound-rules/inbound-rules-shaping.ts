import type { RuleKindFilter } from "./inbound-rules-search";

export interface InboundRule {
  ID: number;
  Rule: string | null;
}

export type RuleKind = "address" | "domain";

/** A rule with an @ blocks one address; anything else blocks a whole domain. */
export function ruleKind(rule: string | null): RuleKind {
  return rule?.includes("@") ? "address" : "domain";
}

export function filterRules<R extends InboundRule>(rules: readonly R[], kind: RuleKindFilter): R[] {
  return kind === "all" ? [...rules] : rules.filter((r) => ruleKind(r.Rule) === kind);
}

/**
 * What to send for the text typed: trimmed, or an error for nothing at all. Whether it is a
 * valid address or domain is Postmark's call (ErrorCode 813), shown as it answers.
 */
export function ruleInput(text: string): { rule: string } | { error: string } {
  const rule = text.trim();
  if (!rule) return { error: "Type an address (spam@example.com) or a domain (example.com)." };
  if (/\s/.test(rule)) return { error: "A rule has no spaces." };
  return { rule };
}
