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
