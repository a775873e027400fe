import { fail } from "../http/errors";
import { paging, type Handler, type HandlerContext } from "../http/context";
import {
  presentClick,
  presentInbound,
  presentOpen,
  presentOutbound,
  presentOutboundDetails,
  outboundDump,
} from "../world/present";
import { byReceived } from "../world/server-store";
import { timeRange } from "../world/sorted";
import type { EngagementBase, InboundStatus, OutboundMessage } from "../world/types";
import { contains, dateRange, equalsCi, pageNewestFirst, streamFilter } from "./filters";

function outboundMessage(ctx: HandlerContext): OutboundMessage {
  const m = ctx.server.messageById.get(ctx.params.messageid ?? "");
  if (!m) fail(701, "This message was not found.");
  return m;
}

const searchOutbound: Handler<"messages.searchOutbound"> = (ctx) => {
  const q = ctx.query;
  const { count, offset } = paging(q, 700, { cap: true });
  const range = dateRange(q, 700);
  const stream = streamFilter(q, ctx.server, 1235);
  const status = q.get("status")?.toLowerCase();
  if (status !== undefined && !["queued", "sent", "processed"].includes(status))
    fail(700, `The 'status' parameter is not valid: '${status}'.`);
  const recipient = q.get("recipient");
  const fromEmail = q.get("fromemail");
  const tag = q.get("tag");
  const subject = q.get("subject");
  const meta = q.prefixed("metadata_");
  const store = ctx.server;
  const [start, end] = timeRange(store.messages, byReceived, range.from, range.to);
  const { total, page } = pageNewestFirst(
    store.messages,
    start,
    end,
    (m) =>
      (stream === undefined || m.stream === stream) &&
      (status === undefined || (status === "queued" ? m.status === "Queued" : m.status !== "Queued")) &&
      equalsCi(m.tag, tag) &&
      (recipient === undefined || m.recipients.some((r) => contains(r, recipient))) &&
      contains(m.from, fromEmail) &&
      contains(m.subject, subject) &&
      meta.every(([k, v]) => Object.entries(m.metadata).some(([mk, mv]) => mk.toLowerCase() === k && mv === v)),
    offset,
    count,
  );
  return { TotalCount: total, Messages: page.map(presentOutbound) };
};

function engagementFilter(ctx: HandlerContext): (e: EngagementBase) => boolean {
  const q = ctx.query;
  const stream = streamFilter(q, ctx.server, 1235);
  const f = {
    recipient: q.get("recipient"),
    tag: q.get("tag"),
    clientName: q.get("client_name"),
    clientCompany: q.get("client_company"),
    clientFamily: q.get("client_family"),
    osName: q.get("os_name"),
    osFamily: q.get("os_family"),
    osCompany: q.get("os_company"),
    platform: q.get("platform"),
    country: q.get("country"),
    region: q.get("region"),
    city: q.get("city"),
  };
  return (e) =>
    (stream === undefined || e.stream === stream) &&
    contains(e.recipient, f.recipient) &&
    equalsCi(e.tag, f.tag) &&
    equalsCi(e.client.Name, f.clientName) &&
    equalsCi(e.client.Company, f.clientCompany) &&
    equalsCi(e.client.Family, f.clientFamily) &&
    equalsCi(e.os.Name, f.osName) &&
    equalsCi(e.os.Family, f.osFamily) &&
    equalsCi(e.os.Company, f.osCompany) &&
    equalsCi(e.platform, f.platform) &&
    equalsCi(e.geo.Country ?? "", f.country) &&
    equalsCi(e.geo.Region ?? "", f.region) &&
    equalsCi(e.geo.City ?? "", f.city);
}

const searchOpens: Handler<"messages.searchOpens"> = (ctx) => {
  const { count, offset } = paging(ctx.query, 700, { cap: true });
  // fromdate/todate are not documented here; accepted so callers can line searches up with stats.
  const range = dateRange(ctx.query, 700);
  const match = engagementFilter(ctx);
  const [start, end] = timeRange(ctx.server.opens, byReceived, range.from, range.to);
  const { total, page } = pageNewestFirst(ctx.server.opens, start, end, match, offset, count);
  return { TotalCount: total, Opens: page.map((o) => presentOpen(o)) };
};

const searchClicks: Handler<"messages.searchClicks"> = (ctx) => {
  const { count, offset } = paging(ctx.query, 700, { cap: true });
  const range = dateRange(ctx.query, 700);
  const match = engagementFilter(ctx);
  const [start, end] = timeRange(ctx.server.clicks, byReceived, range.from, range.to);
  const { total, page } = pageNewestFirst(ctx.server.clicks, start, end, match, offset, count);
  return { TotalCount: total, Clicks: page.map((c) => presentClick(c)) };
};

const opensForMessage: Handler<"messages.opensForMessage"> = (ctx) => {
  const { count, offset } = paging(ctx.query, 700);
  const m = outboundMessage(ctx);
  const opens = (ctx.server.opensByMessage.get(m.id) ?? []).filter((o) => o.firstOpen);
  return { TotalCount: opens.length, Opens: opens.slice(offset, offset + count).map((o) => presentOpen(o, false)) };
};

const clicksForMessage: Handler<"messages.clicksForMessage"> = (ctx) => {
  const { count, offset } = paging(ctx.query, 700);
  const m = outboundMessage(ctx);
  const clicks = (ctx.server.clicksByMessage.get(m.id) ?? []).filter((c) => c.firstClick);
  return { TotalCount: clicks.length, Clicks: clicks.slice(offset, offset + count).map((c) => presentClick(c, false)) };
};

const inboundStatuses: Record<string, InboundStatus> = {
  blocked: "Blocked",
  processed: "Processed",
  queued: "Queued",
  failed: "Failed",
  scheduled: "Scheduled",
};

const searchInbound: Handler<"messages.searchInbound"> = (ctx) => {
  const q = ctx.query;
  const { count, offset } = paging(q, 700, { cap: true });
  const range = dateRange(q, 700);
  const statusText = q.get("status")?.toLowerCase();
  const status = statusText === undefined ? undefined : inboundStatuses[statusText];
  if (statusText !== undefined && !status) fail(700, `The 'status' parameter is not valid: '${statusText}'.`);
  const f = {
    recipient: q.get("recipient"),
    from: q.get("fromemail"),
    tag: q.get("tag"),
    subject: q.get("subject"),
    hash: q.get("mailboxhash"),
  };
  const [start, end] = timeRange(ctx.server.inbound, byReceived, range.from, range.to);
  const { total, page } = pageNewestFirst(
    ctx.server.inbound,
    start,
    end,
    (m) =>
      (status === undefined || m.status === status) &&
      contains(m.to.Email, f.recipient) &&
      contains(m.fromEmail, f.from) &&
      equalsCi(m.tag, f.tag) &&
      contains(m.subject, f.subject) &&
      equalsCi(m.mailboxHash, f.hash),
    offset,
    count,
  );
  return { TotalCount: total, InboundMessages: page.map((m) => presentInbound(m)) };
};

function inboundMessage(ctx: HandlerContext) {
  const m = ctx.server.inboundById.get(ctx.params.messageid ?? "");
  if (!m) fail(701, "This message was not found.");
  return m;
}

export const messageHandlers = {
  "messages.searchOutbound": searchOutbound,
  "messages.outboundDetails": (ctx) => presentOutboundDetails(outboundMessage(ctx)),
  "messages.outboundDump": (ctx) => ({ Body: outboundDump(outboundMessage(ctx)) }),
  "messages.searchOpens": searchOpens,
  "messages.searchClicks": searchClicks,
  "messages.opensForMessage": opensForMessage,
  "messages.clicksForMessage": clicksForMessage,
  "messages.searchInbound": searchInbound,
  "messages.inboundDetails": (ctx) => presentInbound(inboundMessage(ctx), true),
  "messages.bypassInbound": (ctx) => {
    const m = inboundMessage(ctx);
    if (m.status !== "Blocked") fail(701, "This message was not found or cannot be bypassed.");
    m.status = "Processed";
    m.blockedReason = "";
    ctx.sandbox.postInbound(ctx.server, m);
    return { ErrorCode: 0, Message: `Successfully bypassed message: ${m.id}` };
  },
  "messages.retryInbound": (ctx) => {
    const m = inboundMessage(ctx);
    if (m.status !== "Failed") fail(701, "This message was not found or cannot be retried.");
    m.status = "Scheduled";
    ctx.sandbox.postInbound(ctx.server, m);
    return { ErrorCode: 0, Message: `Successfully rescheduled failed message: ${m.id}` };
  },
} satisfies {
  [
    K in
      | "messages.searchOutbound"
      | "messages.outboundDetails"
      | "messages.outboundDump"
      | "messages.searchOpens"
      | "messages.searchClicks"
      | "messages.opensForMessage"
      | "messages.clicksForMessage"
      | "messages.searchInbound"
      | "messages.inboundDetails"
      | "messages.bypassInbound"
      | "messages.retryInbound"
  ]: Handler<K>;
};
