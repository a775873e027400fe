import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import {
  statsBounces,
  statsClickBrowsers,
  statsClickLocation,
  statsClickPlatforms,
  statsClicks,
  statsOpenClients,
  statsOpenPlatforms,
  statsOpens,
  statsOverview,
  statsSends,
  statsSpam,
} from "@/contract/postmark/stats";
import { streamsList } from "@/contract/postmark/streams";
import { postmarkQueryOptions, type AnswerOf, type TypedOp } from "@/web/lib/postmark-queries";
import type { DateRange } from "./stats-shaping";

export interface StatsFilter {
  stream?: string;
  tag?: string;
}

/** The query string every stats operation takes. */
export function statsQuery(range: DateRange, f: StatsFilter): Record<string, string> {
  const q: Record<string, string> = { fromdate: range.fromdate, todate: range.todate };
  if (f.stream) q.messagestream = f.stream;
  if (f.tag) q.tag = f.tag;
  return q;
}

export type Overview = AnswerOf<typeof statsOverview>;

export function overviewQuery(range: DateRange, f: StatsFilter, serverId: number | null) {
  // Keep the old numbers on screen while a new range loads, rather than flashing skeletons.
  return queryOptions({
    ...postmarkQueryOptions(statsOverview, { query: statsQuery(range, f) }, serverId),
    placeholderData: keepPreviousData,
  });
}

export type StreamList = AnswerOf<typeof streamsList>;

export function outboundStreamsQuery(serverId: number | null) {
  return postmarkQueryOptions(streamsList, { query: {} }, serverId);
}

/** Every stats operation answers with its totals and a `Days` list; the charts need no more than that. */
export type StatsAnswer = { Days: { Date: string | null; [k: string]: unknown }[]; [k: string]: unknown };
export type StatsOp = TypedOp & { response: z.ZodType<StatsAnswer> };

/** The operations behind the page's charts, one query each: the loader starts them with the overview. */
export const chartOps = [
  statsSends,
  statsBounces,
  statsSpam,
  statsOpens,
  statsClicks,
  statsOpenPlatforms,
  statsOpenClients,
  statsClickBrowsers,
  statsClickPlatforms,
  statsClickLocation,
] as const satisfies readonly StatsOp[];

export function chartQuery(op: StatsOp, range: DateRange, f: StatsFilter, serverId: number | null) {
  // The previous range's chart stays (dimmed) while the new one loads, instead of a skeleton flash.
  return queryOptions({
    ...postmarkQueryOptions(op, { query: statsQuery(range, f) }, serverId),
    placeholderData: keepPreviousData,
  });
}
