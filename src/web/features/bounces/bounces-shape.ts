import type { QueryOf } from "@/contract/postmark";
import { dateBounds, pageWindow } from "@/web/lib/paging";
import type { BounceFilters, BouncesSearch } from "./bounces-search";

export const BOUNCES_PAGE_SIZE = 50;

/** The `bounces.search` query for what the URL asks. */
export function bouncesSearchInput(s: BouncesSearch, size = BOUNCES_PAGE_SIZE): { query: QueryOf<"bounces.search"> } {
  const query: QueryOf<"bounces.search"> = { ...pageWindow(s.page, size), ...dateBounds(s.from, s.to) };
  if (s.type) query.type = s.type;
  if (s.inactive) query.inactive = s.inactive;
  if (s.email) query.emailFilter = s.email;
  if (s.tag) query.tag = s.tag;
  if (s.stream) query.messagestream = s.stream;
  return { query };
}

export function hasBounceFilters(f: BounceFilters): boolean {
  return Boolean(f.type || f.inactive || f.email || f.tag || f.stream || f.from || f.to);
}

export interface DeliveryStatsRow {
  type: string | null;
  name: string;
  count: number;
}

/** `/deliverystats` as the total plus one row per type, largest first ("All" is the total, not a type). */
export function deliveryStatsRows(stats: {
  InactiveMails: number;
  Bounces: { Name: string | null; Count: number; Type?: string | null }[];
}): {
  total: number;
  inactive: number;
  rows: DeliveryStatsRow[];
} {
  const all = stats.Bounces.find((b) => !b.Type && b.Name === "All");
  const rows = stats.Bounces.filter((b) => b !== all).map((b) => ({
    type: b.Type ?? null,
    name: b.Name ?? b.Type ?? "Unknown",
    count: b.Count,
  }));
  rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { total: all?.Count ?? rows.reduce((n, r) => n + r.count, 0), inactive: stats.InactiveMails, rows };
}

/** The list's filter in Postmark's query names, without paging: what a bulk job or an export walks. */
export function bounceJobFilter(s: BouncesSearch): Record<string, string> {
  const { count: _c, offset: _o, ...rest } = bouncesSearchInput(s).query as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]));
}
