import type { HandlerContext, StatsHandler, StatsOperationId } from "../http/context";
import * as compute from "../stats/compute";
import type { StatsFilter } from "../stats/compute";
import { dateRange, streamFilter } from "./filters";

function filter(ctx: HandlerContext): StatsFilter {
  return { ...dateRange(ctx.query, 900), stream: streamFilter(ctx.query, ctx.server, 1226), tag: ctx.query.get("tag") };
}

export const statsHandlers = {
  "stats.overview": (ctx) => compute.overview(ctx.server, filter(ctx)),
  "stats.sends": (ctx) => compute.sendsStats(ctx.server, filter(ctx)),
  "stats.bounces": (ctx) => compute.bounceStats(ctx.server, filter(ctx)),
  "stats.spam": (ctx) => compute.spamStats(ctx.server, filter(ctx)),
  "stats.tracked": (ctx) => compute.trackedStats(ctx.server, filter(ctx)),
  "stats.opens": (ctx) => compute.openStats(ctx.server, filter(ctx)),
  "stats.openPlatforms": (ctx) => compute.openBreakdown(ctx.server, filter(ctx), (o) => o.platform),
  "stats.openClients": (ctx) => compute.openBreakdown(ctx.server, filter(ctx), (o) => o.client.Family),
  "stats.clicks": (ctx) => compute.clickStats(ctx.server, filter(ctx)),
  "stats.clickBrowsers": (ctx) => compute.clickBreakdown(ctx.server, filter(ctx), (c) => c.client.Family),
  "stats.clickPlatforms": (ctx) => compute.clickBreakdown(ctx.server, filter(ctx), (c) => c.platform),
  "stats.clickLocation": (ctx) => compute.clickBreakdown(ctx.server, filter(ctx), (c) => c.clickLocation),
} satisfies { [K in StatsOperationId]: StatsHandler<K> };
