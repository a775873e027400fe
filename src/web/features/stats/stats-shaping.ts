// Pure shaping of Postmark's stats responses into chart rows. Components only render what these return.

import { csvRow } from "@/contract/csv";
import { judge, type HealthThresholds, type Verdict } from "@/contract/health/verdict-logic";

export type DayRow = { date: string } & Record<string, number | string>;
export interface DateRange {
  fromdate: string;
  todate: string;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a date in UTC (ranges are computed on calendar days, never on times). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function isValidDay(day: string | undefined): day is string {
  return (
    !!day && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(parseDay(day).getTime()) && isoDay(parseDay(day)) === day
  );
}

export function addDays(day: string, n: number): string {
  return isoDay(new Date(parseDay(day).getTime() + n * DAY_MS));
}

/** Inclusive number of days in a range. */
export function rangeLength(r: DateRange): number {
  return Math.round((parseDay(r.todate).getTime() - parseDay(r.fromdate).getTime()) / DAY_MS) + 1;
}

/** The last `days` days up to and including `today`. */
export function presetRange(days: number, today: string): DateRange {
  return { fromdate: addDays(today, -(days - 1)), todate: today };
}

/** The range of the same length just before `r`, for deltas. */
export function previousRange(r: DateRange): DateRange {
  const len = rangeLength(r);
  return { fromdate: addDays(r.fromdate, -len), todate: addDays(r.fromdate, -1) };
}

/** Every day of the range in order. */
export function daysOf(r: DateRange): string[] {
  const out: string[] = [];
  for (let d = r.fromdate; d <= r.todate; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Postmark omits days without data and zero-valued keys inside a day: put every day of the range
 * back, with every wanted key, zero when absent, so a chart's x axis is continuous.
 */
export function fillDays(
  days: readonly { Date: string | null; [k: string]: unknown }[],
  range: DateRange,
  keys: readonly string[],
): DayRow[] {
  const byDate = new Map<string, Record<string, unknown>>();
  for (const d of days) if (d.Date) byDate.set(d.Date.slice(0, 10), d);
  return daysOf(range).map((date) => {
    const src = byDate.get(date);
    const row: DayRow = { date };
    for (const k of keys) {
      const v = src?.[k];
      row[k] = typeof v === "number" && Number.isFinite(v) ? v : 0;
    }
    return row;
  });
}

/** A ratio as a percentage, 0 when the denominator is 0. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

export interface Delta {
  /** Change in percent of the previous value; null when the previous value was 0. */
  percent: number | null;
  direction: "up" | "down" | "flat";
}

export function delta(current: number, previous: number): Delta {
  const diff = current - previous;
  const direction = Math.abs(diff) < 1e-9 ? "flat" : diff > 0 ? "up" : "down";
  return { percent: previous === 0 ? null : (diff / previous) * 100, direction };
}

export const OTHER = "Other";

/** The numeric top-level keys of a breakdown response (its dynamic names), with their totals. */
export function breakdownTotals(response: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(response))
    if (k !== "Days" && typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}

export interface Slice {
  name: string;
  value: number;
  percent: number;
}

/** The `n` biggest names, the rest summed into "Other" (kept last), zeros dropped. */
export function topN(totals: Record<string, number>, n: number): Slice[] {
  const entries = Object.entries(totals)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const sum = entries.reduce((s, [, v]) => s + v, 0);
  const head = entries.length > n ? entries.slice(0, n) : entries;
  const rest = entries.length > n ? entries.slice(n).reduce((s, [, v]) => s + v, 0) : 0;
  const slices = head.map(([name, value]) => ({ name, value, percent: rate(value, sum) }));
  if (rest > 0) {
    const existing = slices.find((s) => s.name === OTHER);
    if (existing) {
      existing.value += rest;
      existing.percent = rate(existing.value, sum);
    } else slices.push({ name: OTHER, value: rest, percent: rate(rest, sum) });
  }
  return slices;
}

/** Day rows for a breakdown restricted to the top-N names, the other names summed into "Other". */
export function breakdownDays(
  days: readonly { Date: string | null; [k: string]: unknown }[],
  range: DateRange,
  slices: readonly Slice[],
): DayRow[] {
  const named = new Set(slices.map((s) => s.name).filter((n) => n !== OTHER));
  const withOther = days.map((d) => {
    let other = 0;
    const row: { Date: string | null; [k: string]: unknown } = { Date: d.Date };
    for (const [k, v] of Object.entries(d)) {
      if (k === "Date" || typeof v !== "number") continue;
      if (named.has(k)) row[k] = v;
      else other += v;
    }
    row[OTHER] = other;
    return row;
  });
  return fillDays(
    withOther,
    range,
    slices.map((s) => s.name),
  );
}

export interface OverviewLike {
  Sent: number;
  Bounced: number;
  BounceRate: number;
  SpamComplaints: number;
  SpamComplaintsRate: number;
  Opens: number;
  UniqueOpens: number;
  WithOpenTracking: number;
  WithLinkTracking: number;
  UniqueLinksClicked: number;
  TotalClicks: number;
}

export interface Kpi {
  id: string;
  label: string;
  value: number;
  format: "count" | "percent";
  delta: Delta;
  /** Whether a rise is good news (bounces and spam are not). */
  higherIsBetter: boolean;
  hint: string;
}

/**
 * Headline numbers. Rates are computed here from the counts rather than read from Postmark's
 * `*Rate` fields, so the current and previous periods are compared the same way.
 */
export function overviewKpis(cur: OverviewLike, prev: OverviewLike | undefined): Kpi[] {
  const openRate = (o: OverviewLike) => rate(o.UniqueOpens, o.WithOpenTracking);
  const clickRate = (o: OverviewLike) => rate(o.UniqueLinksClicked, o.WithLinkTracking);
  const bounceRate = (o: OverviewLike) => rate(o.Bounced, o.Sent);
  const spamRate = (o: OverviewLike) => rate(o.SpamComplaints, o.Sent);
  const mk = (
    id: string,
    label: string,
    f: (o: OverviewLike) => number,
    format: Kpi["format"],
    higherIsBetter: boolean,
    hint: string,
  ): Kpi => ({
    id,
    label,
    value: f(cur),
    format,
    delta: prev ? delta(f(cur), f(prev)) : { percent: null, direction: "flat" },
    higherIsBetter,
    hint,
  });
  return [
    mk("sent", "Sent", (o) => o.Sent, "count", true, "Messages sent, counted per recipient"),
    mk("bounceRate", "Bounce rate", bounceRate, "percent", false, "Bounced ÷ sent"),
    mk("spamRate", "Spam rate", spamRate, "percent", false, "Spam complaints ÷ sent"),
    mk("openRate", "Open rate", openRate, "percent", true, "Unique opens ÷ sent with open tracking"),
    mk("clickRate", "Click rate", clickRate, "percent", true, "Unique links clicked ÷ sent with link tracking"),
    mk("bounced", "Bounced", (o) => o.Bounced, "count", false, "Bounces of all types"),
    mk("spam", "Spam complaints", (o) => o.SpamComplaints, "count", false, "Recipients who marked a message as spam"),
    mk("opens", "Opens", (o) => o.Opens, "count", true, "Total opens, repeated opens included"),
  ];
}

// One formatter each: building an Intl formatter per call (every axis tick, table cell and
// tooltip of ten charts) cost the Stats page a sixth of its render time.
const countFormat = new Intl.NumberFormat("en-US");
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function formatCount(n: number): string {
  return countFormat.format(Math.round(n));
}

export function formatPercent(n: number): string {
  return `${n.toFixed(n !== 0 && Math.abs(n) < 1 ? 2 : 1)}%`;
}

/** "Nov 3" for an axis tick. */
export function shortDay(day: string): string {
  const d = parseDay(day);
  return Number.isNaN(d.getTime()) ? String(d) : dayFormat.format(d);
}

/** A sentence for screen readers: total, peak day. */
export function seriesSummary(rows: readonly DayRow[], key: string, label: string): string {
  const total = rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
  if (rows.length === 0 || total === 0) return `${label}: none in this period.`;
  const peak = rows.reduce((best, r) => (Number(r[key]) > Number(best[key]) ? r : best), rows[0]!);
  return `${label}: ${formatCount(total)} over ${rows.length} days, highest on ${shortDay(peak.date)} with ${formatCount(Number(peak[key]))}.`;
}

/** The range a URL asks for: a valid custom range (swapped if reversed), else the preset's last N days. */
export function resolveRange(s: { range: string; from?: string; to?: string }, today: string): DateRange {
  if (s.range === "custom" && isValidDay(s.from) && isValidDay(s.to)) {
    return s.from <= s.to ? { fromdate: s.from, todate: s.to } : { fromdate: s.to, todate: s.from };
  }
  const n = Number.parseInt(s.range, 10);
  return presetRange(Number.isInteger(n) && n > 0 ? n : 30, today);
}

// --- compare with the previous period ---

/** The chart key of a series' previous-period values. */
export function previousKey(key: string): string {
  return `prev_${key}`;
}

/**
 * The previous period's values beside the current ones, matched by position (day 1 beside day 1):
 * both ranges have the same length, so each row also names the previous day it compares with.
 */
export function withPrevious(rows: readonly DayRow[], prev: readonly DayRow[], keys: readonly string[]): DayRow[] {
  return rows.map((r, i) => {
    const p = prev[i];
    const out: DayRow = { ...r, previousDate: p?.date ?? "" };
    for (const k of keys) out[previousKey(k)] = p ? Number(p[k] ?? 0) : 0;
    return out;
  });
}

// --- table views and CSV ---

export interface TableView {
  columns: string[];
  /** Raw values: numbers stay numbers so that the CSV holds data, not formatted text. */
  rows: (string | number)[][];
}

/** One row per day; with `compare`, the previous period's day and values follow. */
export function seriesTable(
  rows: readonly DayRow[],
  series: readonly { key: string; label: string }[],
  compare: boolean,
): TableView {
  const columns = ["Day", ...series.map((s) => s.label)];
  if (compare) columns.push("Previous day", ...series.map((s) => `${s.label} (previous)`));
  return {
    columns,
    rows: rows.map((r) => {
      const cells: (string | number)[] = [r.date, ...series.map((s) => Number(r[s.key] ?? 0))];
      if (compare) cells.push(String(r.previousDate ?? ""), ...series.map((s) => Number(r[previousKey(s.key)] ?? 0)));
      return cells;
    }),
  };
}

/** One row per name: count and share of the total in percent (one decimal). */
export function breakdownTable(slices: readonly Slice[]): TableView {
  return {
    columns: ["Name", "Count", "Share (%)"],
    rows: slices.map((s) => [s.name, s.value, Math.round(s.percent * 10) / 10]),
  };
}

/** A table cell as shown on screen: counts grouped, percentages (a "(%)" column) with one decimal. */
export function displayCell(v: string | number, column = ""): string {
  if (typeof v === "string") return v;
  return column.endsWith("(%)") ? v.toFixed(1) : formatCount(v);
}

/** The whole table as CSV (the shared writer: quoting and formula protection). */
export function tableCsv(t: TableView): string {
  return csvRow(t.columns) + t.rows.map((r) => csvRow(r)).join("");
}

/** `stats-sends-2026-11-01-to-2026-11-30[-stream][-tag].csv`: says what the file holds. */
export function exportFileName(
  chartId: string,
  range: DateRange,
  filter: { stream?: string; tag?: string },
  ext: "csv" | "png",
): string {
  const parts = ["stats", chartId, range.fromdate, "to", range.todate];
  if (filter.stream) parts.push(filter.stream);
  if (filter.tag) parts.push(`tag-${filter.tag}`);
  return `${parts
    .join("-")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .slice(0, 150)}.${ext}`;
}

// --- verdicts and filters ---

/** The period's verdicts, judged by the same code as the overview and the alerts. */
export function statsVerdicts(
  o: Pick<OverviewLike, "Sent" | "Bounced" | "SpamComplaints">,
  t: HealthThresholds,
): { bounce: Verdict; spam: Verdict } {
  const sent = Number(o.Sent) || 0;
  return {
    bounce: judge("bounce", { part: Number(o.Bounced) || 0, sent }, t),
    spam: judge("spam", { part: Number(o.SpamComplaints) || 0, sent }, t),
  };
}

/** The choices of a filter: the values that exist, plus the current one if it is not among them. */
export function filterOptions(values: readonly string[], current: string | undefined): string[] {
  const out = [...new Set(values.filter((v) => v.length > 0))];
  if (current && !out.includes(current)) out.unshift(current);
  return out;
}
