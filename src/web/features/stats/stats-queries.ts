import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { statsOverview } from "@/contract/postmark/stats";
import { streamsList } from "@/contract/postmark/streams";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";
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
