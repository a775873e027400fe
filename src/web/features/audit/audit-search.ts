import { auditOutcomes, type AuditOutcome } from "@/contract/api/statuses";
import { custom, optionalOneOf, optionalText, searchSchema } from "@/web/lib/search-params";

// Light validators, not zod: validateSearch runs in the app chunk (see lib/search-params).

/** A calendar day, YYYY-MM-DD, that exists. */
const day = custom<string | undefined, string | undefined>((raw) => {
  if (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(raw) ? raw : undefined;
});

/** The audit page's filters in the URL, so a filtered view can be shared. Bad values drop out. */
export const auditSearch = searchSchema({
  actor: optionalText({ trim: true, min: 1, max: 200 }),
  action: optionalText({ trim: true, min: 1, max: 200 }),
  target: optionalText({ trim: true, min: 1, max: 500 }),
  outcome: optionalOneOf(auditOutcomes),
  from: day,
  to: day,
});
export type AuditSearch = ReturnType<typeof auditSearch.parse>;

export function hasAuditFilters(s: AuditSearch): boolean {
  return Boolean(s.actor || s.action || s.target || s.outcome || s.from || s.to);
}

/**
 * The filters as the audit API's query. Days are the user's local days: `from` starts at its
 * local midnight, `to` ends at the last millisecond of its day (the API's bounds are inclusive).
 */
export function auditParams(s: AuditSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (s.actor) p.set("actor", s.actor);
  if (s.action) p.set("action", s.action);
  if (s.target) p.set("target", s.target);
  if (s.outcome) p.set("outcome", s.outcome satisfies AuditOutcome);
  if (s.from) p.set("from", new Date(`${s.from}T00:00:00`).toISOString());
  if (s.to) p.set("to", new Date(`${s.to}T23:59:59.999`).toISOString());
  return p;
}
