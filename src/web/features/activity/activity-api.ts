import {
  messagesBypassInbound,
  messagesClicksForMessage,
  messagesInboundDetails,
  messagesOpensForMessage,
  messagesOutboundDetails,
  messagesOutboundDump,
  messagesRetryInbound,
  messagesSearchClicks,
  messagesSearchInbound,
  messagesSearchOpens,
  messagesSearchOutbound,
} from "@/contract/postmark/activity";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";
import type { ActivitySearch } from "./activity-search";
import { activityInput } from "./activity-shape";

export type OutboundMessage = AnswerOf<typeof messagesSearchOutbound>["Messages"][number];
export type InboundMessage = AnswerOf<typeof messagesSearchInbound>["InboundMessages"][number];
export type OpenEvent = AnswerOf<typeof messagesSearchOpens>["Opens"][number];
export type ClickEvent = AnswerOf<typeof messagesSearchClicks>["Clicks"][number];
export type OutboundDetails = AnswerOf<typeof messagesOutboundDetails>;
export type InboundDetails = AnswerOf<typeof messagesInboundDetails>;

// Pages show these errors themselves (ErrorCode and Message), so no toast.
const silent = { meta: { silent: true } } as const;

export const outboundQuery = (s: ActivitySearch, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesSearchOutbound, activityInput(s), serverId),
  ...silent,
});
export const inboundQuery = (s: ActivitySearch, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesSearchInbound, activityInput(s), serverId),
  ...silent,
});
export const opensQuery = (s: ActivitySearch, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesSearchOpens, activityInput(s), serverId),
  ...silent,
});
export const clicksQuery = (s: ActivitySearch, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesSearchClicks, activityInput(s), serverId),
  ...silent,
});

const byId = (id: string) => ({ params: { messageid: id } });
export const outboundDetailsQuery = (id: string, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesOutboundDetails, byId(id), serverId),
  ...silent,
});
export const inboundDetailsQuery = (id: string, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesInboundDetails, byId(id), serverId),
  ...silent,
});
export const outboundDumpQuery = (id: string, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesOutboundDump, byId(id), serverId),
  ...silent,
});
export const messageOpensQuery = (id: string, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesOpensForMessage, { ...byId(id), query: { count: 50, offset: 0 } }, serverId),
  ...silent,
});
export const messageClicksQuery = (id: string, serverId: number | null) => ({
  ...postmarkQueryOptions(messagesClicksForMessage, { ...byId(id), query: { count: 50, offset: 0 } }, serverId),
  ...silent,
});
export { messagesBypassInbound, messagesRetryInbound };
