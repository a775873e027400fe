import type { EventsResponse } from "@/contract/api/events";
import { messagesSearchInbound, messagesSearchOutbound } from "@/contract/postmark/activity";
import { bouncesActivate, bouncesDump, bouncesSearch } from "@/contract/postmark/bounces";
import { streamsList } from "@/contract/postmark/streams";
import { suppressionsCreate, suppressionsDelete, suppressionsDump } from "@/contract/postmark/suppressions";
import { apiRequest } from "@/web/lib/api-client";
import { postmarkQueryOptions } from "@/web/lib/postmark-queries";

// The page shows its errors itself (ErrorCode and Message), so no toast.
const silent = { meta: { silent: true } } as const;
const RECENT = 10;

export const addressStreamsQuery = (serverId: number | null) => ({
  ...postmarkQueryOptions(streamsList, {}, serverId),
  ...silent,
});
export const addressSuppressionQuery = (serverId: number | null, stream: string, email: string) => ({
  ...postmarkQueryOptions(suppressionsDump, { params: { streamId: stream }, query: { EmailAddress: email } }, serverId),
  ...silent,
});
export const addressBouncesQuery = (serverId: number | null, email: string) => ({
  ...postmarkQueryOptions(bouncesSearch, { query: { count: 20, offset: 0, emailFilter: email } }, serverId),
  ...silent,
});
export const addressOutboundQuery = (serverId: number | null, email: string) => ({
  ...postmarkQueryOptions(messagesSearchOutbound, { query: { count: RECENT, offset: 0, recipient: email } }, serverId),
  ...silent,
});
export const addressInboundQuery = (serverId: number | null, email: string) => ({
  ...postmarkQueryOptions(messagesSearchInbound, { query: { count: RECENT, offset: 0, fromemail: email } }, serverId),
  ...silent,
});
export const addressDumpQuery = (serverId: number | null, id: number) => ({
  ...postmarkQueryOptions(bouncesDump, { params: { bounceid: id } }, serverId),
  ...silent,
});

export const addressEventsQuery = (email: string) => ({
  queryKey: ["events", "address", email],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiRequest<EventsResponse>(`/api/events?${new URLSearchParams({ recipient: email, limit: "20" })}`, { signal }),
  ...silent,
});

export { bouncesActivate, suppressionsCreate, suppressionsDelete };
