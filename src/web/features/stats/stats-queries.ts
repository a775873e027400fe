import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { statsOverview } from "@/contract/postmark/stats";
import { streamsList } from "@/contract/postmark/streams";
import type { z } from "zod";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";
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

export type Overview = z.infer<typeof statsOverview.response>;

export function overviewQuery(range: DateRange, f: StatsFilter, serverId: number | null) {
  // Keep the old numbers on screen while a new range loads, rather than flashing skeletons.
  return queryOptions({
    ...postmarkQueryOptions(statsOverview, { query: statsQuery(range, f) }, serverId),
    placeholderData: keepPreviousData,
  });
}

export type StreamList = z.infer<typeof streamsList.response>;

export function outboundStreamsQuery(serverId: number | null) {
  return postmarkQueryOptions(streamsList, { query: {} }, serverId);
}
