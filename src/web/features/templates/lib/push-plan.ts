import type { StudioState } from "@/contract/api/template-studio";
import type { PlanRow } from "./plan";

/** One template in Postmark's push answer (PerformChanges false or true). */
export interface PushedTemplate {
  Action: string | null;
  Alias: string | null;
  Name: string | null;
  TemplateId: number | null;
}

/** What Postmark's own preview says for one row, and whether it agrees with Mailroom's diff. */
export interface PostmarkVerdict {
  /** "Create" or "Edit" as Postmark answered; null when Postmark's preview does not list the template. */
  action: string | null;
  agrees: boolean;
}

const lower = (s: string | null | undefined) => (s ? s.toLowerCase() : null);

/**
 * Postmark's per-template Action for each row (matched by alias, as Postmark matches), plus the templates
 * Postmark would push that Mailroom has no row for. A row "agrees" when both would change it or both leave it.
 */
export function postmarkVerdicts(
  rows: readonly PlanRow[],
  answered: readonly PushedTemplate[],
): { byKey: Map<string, PostmarkVerdict>; unmatched: PushedTemplate[] } {
  const byAlias = new Map(answered.filter((t) => t.Alias).map((t) => [lower(t.Alias)!, t]));
  const byKey = new Map<string, PostmarkVerdict>();
  const matched = new Set<string>();
  for (const r of rows) {
    const alias = lower(r.incoming.Alias);
    const t = alias ? byAlias.get(alias) : undefined;
    if (alias && t) matched.add(alias);
    const action = t?.Action ?? null;
    const expected = r.action === "create" ? "create" : r.action === "update" ? "edit" : null;
    byKey.set(r.key, { action, agrees: (action?.toLowerCase() ?? null) === expected });
  }
  const unmatched = answered.filter((t) => !t.Alias || !matched.has(lower(t.Alias)!));
  return { byKey, unmatched };
}

/** A template a push would touch that is no longer as the preview saw it. */
export interface Drift {
  alias: string;
  name: string;
  what: "changed" | "created" | "deleted";
}

/**
 * Which of `aliases` (lower case) differ between the server as the preview read it and a fresh read:
 * content changed (another hash or another template under the alias), created since, or deleted since.
 */
export function driftSince(
  before: ReadonlyMap<string, StudioState>,
  after: ReadonlyMap<string, StudioState>,
  aliases: Iterable<string>,
): Drift[] {
  const out: Drift[] = [];
  for (const alias of new Set(aliases)) {
    const b = before.get(alias);
    const a = after.get(alias);
    if (!b && !a) continue;
    const name = (a ?? b)!.template.Name;
    const shown = (a ?? b)!.template.Alias ?? alias;
    if (!b) out.push({ alias: shown, name, what: "created" });
    else if (!a) out.push({ alias: shown, name, what: "deleted" });
    else if (a.hash !== b.hash || a.template.TemplateId !== b.template.TemplateId)
      out.push({ alias: shown, name, what: "changed" });
  }
  return out;
}
