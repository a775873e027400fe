import { bounceTypes } from "../../contract/postmark";
import { fail } from "../http/errors";
import { paging, type Handler, type HandlerContext } from "../http/context";
import { bounceTypeInfo, presentBounce } from "../world/present";
import { unsuppress } from "../world/recorders";
import { byBounced } from "../world/server-store";
import { timeRange } from "../world/sorted";
import type { Bounce } from "../world/types";
import { contains, dateRange, equalsCi, pageNewestFirst, streamFilter } from "./filters";

const typeNames = new Set<string>(bounceTypes.map((b) => b[0]));

function findBounce(ctx: HandlerContext): Bounce {
  const raw = ctx.params.bounceid ?? "";
  if (!/^\d+$/.test(raw)) fail(1002, "The bounce ID was not provided or is invalid.", 400);
  const b = ctx.server.bounceById.get(Number(raw));
  if (!b) fail(1001, "This bounce was not found.");
  return b;
}

const search: Handler<"bounces.search"> = (ctx) => {
  const q = ctx.query;
  const { count, offset } = paging(q, 1000, { cap: true });
  const range = dateRange(q, 1000);
  const type = q.get("type");
  if (type !== undefined && !typeNames.has(type))
    fail(1000, `The 'type' parameter is not a valid bounce type: '${type}'.`);
  const inactive = q.bool("inactive");
  const email = q.get("emailfilter");
  const tag = q.get("tag");
  const messageId = q.get("messageid");
  const stream = streamFilter(q, ctx.server, 1235, "outbound");
  const store = ctx.server;
  const [start, end] = timeRange(store.bounces, byBounced, range.from, range.to);
  const { total, page } = pageNewestFirst(
    store.bounces,
    start,
    end,
    (b) =>
      b.stream === stream &&
      (type === undefined || b.type === type) &&
      (inactive === undefined || b.inactive === inactive) &&
      contains(b.email, email) &&
      equalsCi(b.tag, tag) &&
      (messageId === undefined || b.messageId === messageId),
    offset,
    count,
  );
  return { TotalCount: total, Bounces: page.map((b) => presentBounce(b, { utc: true })) };
};

const deliveryStats: Handler<"bounces.deliveryStats"> = (ctx) => {
  const counts = new Map<string, number>();
  const inactive = new Set<string>();
  for (const b of ctx.server.bounces) {
    counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
    if (b.inactive) inactive.add(b.email.toLowerCase());
  }
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  return {
    InactiveMails: inactive.size,
    Bounces: [
      { Name: "All", Count: total },
      ...bounceTypes
        .filter(([t]) => counts.has(t))
        .map(([t]) => ({ Type: t, Name: bounceTypeInfo(t).name, Count: counts.get(t)! })),
    ],
  };
};

const activate: Handler<"bounces.activate"> = (ctx) => {
  const b = findBounce(ctx);
  if (!b.canActivate) fail(1003, "This bounce cannot be activated.");
  b.inactive = false;
  const row = ctx.server.suppressions.get(b.stream)?.get(b.email.toLowerCase());
  if (row && row.reason === "HardBounce")
    unsuppress(ctx.world, ctx.server, b.stream, b.email, "Customer", ctx.world.now());
  return { Message: "OK", Bounce: presentBounce(b, { content: true }) };
};

export const bounceHandlers = {
  "bounces.search": search,
  "bounces.get": (ctx) => presentBounce(findBounce(ctx), { content: true }),
  "bounces.dump": (ctx) => {
    const b = findBounce(ctx);
    return { Body: b.dumpAvailable ? b.content : "" };
  },
  "bounces.deliveryStats": deliveryStats,
  "bounces.activate": activate,
} satisfies {
  [K in "bounces.search" | "bounces.get" | "bounces.dump" | "bounces.deliveryStats" | "bounces.activate"]: Handler<K>;
};
