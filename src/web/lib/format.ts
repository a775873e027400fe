export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** Postmark's date filters and day counts are US Eastern; timestamps are shown in that zone too. */
export const POSTMARK_TIME_ZONE = "America/New_York";

const easternFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: POSTMARK_TIME_ZONE,
  dateStyle: "medium",
  timeStyle: "short",
});

/** A Postmark timestamp as US Eastern wall-clock time, plus the viewer's local time when that zone differs. */
export function postmarkTimeParts(
  iso: string | null | undefined,
  localZone?: string,
): { eastern: string; local: string | null } | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const eastern = `${easternFormat.format(d)} ET`;
  const local = new Intl.DateTimeFormat("en-US", {
    timeZone: localZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(d);
  return { eastern, local: local === easternFormat.format(d) ? null : `${local} local` };
}

/** The same as text, for places that take a string: "Dec 4, 2026, 6:28 AM ET (11:28 AM local)". */
export function formatPostmarkTime(iso: string | null | undefined): string {
  const p = postmarkTimeParts(iso);
  if (!p) return iso || "—";
  return p.local ? `${p.eastern} (${p.local})` : p.eastern;
}
