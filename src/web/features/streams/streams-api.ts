import {
  streamsArchive,
  streamsCreate,
  streamsList,
  streamsUnarchive,
  streamsUpdate,
} from "@/contract/postmark/streams";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";
import type { StreamType } from "./streams-search";

export type StreamsList = AnswerOf<typeof streamsList>;
export type StreamRow = StreamsList["MessageStreams"][number];
export { streamsArchive, streamsCreate, streamsUnarchive, streamsUpdate };

export function streamsQuery(serverId: number | null, filters: { type?: StreamType; archived?: boolean }) {
  const query: Record<string, unknown> = { MessageStreamType: filters.type ?? "All" };
  if (filters.archived) query.IncludeArchivedStreams = true;
  return { ...postmarkQueryOptions(streamsList, { query }, serverId), meta: { silent: true } };
}
