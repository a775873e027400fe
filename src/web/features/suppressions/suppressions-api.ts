import { streamsList } from "@/contract/postmark/streams";
import { suppressionsCreate, suppressionsDelete, suppressionsDump } from "@/contract/postmark/suppressions";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";
import type { SuppressionsSearch } from "./suppressions-search";
import { dumpInput } from "./suppressions-shape";

export type SuppressionRow = AnswerOf<typeof suppressionsDump>["Suppressions"][number];
export type Stream = AnswerOf<typeof streamsList>["MessageStreams"][number];

const silent = { meta: { silent: true } } as const;

export const streamsQuery = (serverId: number | null) => ({
  ...postmarkQueryOptions(streamsList, {}, serverId),
  ...silent,
});
export const dumpQuery = (streamId: string, s: SuppressionsSearch, serverId: number | null) => ({
  ...postmarkQueryOptions(suppressionsDump, dumpInput(streamId, s), serverId),
  ...silent,
});
export { suppressionsCreate, suppressionsDelete };

/** Inbound and archived streams keep no suppression list to show. */
export function usableStreams(list: AnswerOf<typeof streamsList> | undefined): Stream[] {
  return (list?.MessageStreams ?? []).filter((s) => s.MessageStreamType !== "Inbound" && !s.ArchivedAt);
}

export function pickStream(streams: Stream[], wanted: string | undefined): string | undefined {
  if (wanted) return wanted;
  return (streams.find((s) => s.ID === "outbound") ?? streams[0])?.ID ?? undefined;
}
