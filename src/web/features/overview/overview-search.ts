import { oneOf, searchSchema } from "@/web/lib/search-params";

// Route-safe: no zod.

export const overviewPeriods = ["7d", "30d"] as const;
export type OverviewPeriod = (typeof overviewPeriods)[number];
export const periodDays: Record<OverviewPeriod, number> = { "7d": 7, "30d": 30 };

export const overviewSearch = searchSchema({ period: oneOf(overviewPeriods, "7d") });
export type OverviewSearch = ReturnType<typeof overviewSearch.parse>;
